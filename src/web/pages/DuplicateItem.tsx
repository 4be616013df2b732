import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { CandidateView } from '../../contracts/matching';
import { ErrorAlert } from '../components/common';
import { openDecisions, waitingFor } from './duplicate-decisions';

interface Side {
  visible: boolean;
  appearances?: Array<{ caseId: string; caseCode: string }>;
  contacts?: Array<{ unitName: string; institutionName: string }>;
}

/** A suspected duplicate person: where each side appears, and the decision (confirm merges, reject dismisses). */
export function DuplicateItem({ item }: { item: Record<string, unknown> }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const own = item.own as Side;
  const other = item.other as Side;
  const decide = useMutation({
    mutationFn: (decision: 'confirm' | 'reject') => api.post(`/api/v1/matching/candidates/${String(item.id)}/${decision}`, { version: item.version }),
    onSettled: () => void client.invalidateQueries({ queryKey: ['home', 'duplicates'] }),
  });
  const first = own.appearances?.[0];
  const elsewhere = other.visible ? other.appearances?.map((a) => a.caseCode).join(', ') : other.contacts?.map((c) => `${c.unitName} (${c.institutionName})`).join(', ');
  const reasons = ((item.reasons as string[]) ?? []).map((r) => t(`home.duplicates.reason.${r}`)).join(', ');
  const open = openDecisions(item as unknown as CandidateView);
  const waiting = waitingFor(item as unknown as CandidateView);
  return (
    <Stack gap={4}>
      <Text size="sm">
        {first && <Anchor component={Link} to={`/cases/${first.caseId}`} size="sm">{first.caseCode}</Anchor>}
        {` · ${t('home.duplicates.line', { reasons, other: elsewhere ?? '—' })}`}
      </Text>
      {waiting.length > 0 && <Text size="xs">{t('duplicates.waiting_for', { institutions: waiting.join(', ') })}</Text>}
      {(open.confirm || open.reject) && (
        <Group gap="xs">
          {open.confirm && <Button size="compact-xs" variant="light" onClick={() => decide.mutate('confirm')} loading={decide.isPending && decide.variables === 'confirm'}>{t('home.duplicates.confirm')}</Button>}
          <Button size="compact-xs" variant="subtle" onClick={() => decide.mutate('reject')} loading={decide.isPending && decide.variables === 'reject'}>{t('home.duplicates.reject')}</Button>
        </Group>
      )}
      <ErrorAlert error={decide.error} />
    </Stack>
  );
}
