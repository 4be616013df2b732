import { Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { matchStatuses, type CandidateView } from '../../contracts/matching';
import { api, ApiError, errorMessage } from '../api/client';
import { EmptyState, ErrorAlert, PageHeader } from '../components/common';
import { Pager } from '../components/Pager';
import { staleProps } from '../components/RecordTable';
import { useFormat } from '../i18n/format';
import { Field } from './cases/CaseSummary';
import { openDecisions, waitingFor } from './duplicate-decisions';
import { QueryLoading } from '../components/QueryLoading';

type Side = CandidateView['own'];
type Decision = 'confirm' | 'reject' | 'unmerge';

/** A person the reviewer may see: sex, birth year and the cases it appears in. */
function VisibleSide({ side, label }: { side: Side; label: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>{label}</Text>
      <SimpleGrid cols={2} spacing="xs">
        <Field label={t('person.sex')}>{f.code('sexes', side.sex)}</Field>
        <Field label={t('duplicates.birth_year')}>{side.birthYear ?? '—'}</Field>
      </SimpleGrid>
      {side.appearances.map((a) => (
        <Text size="sm" key={`${a.caseId}-${a.role}`}>
          <Anchor component={Link} to={`/cases/${a.caseId}`} size="sm">{a.caseCode}</Anchor>
          {` · ${t(`duplicates.role.${a.role}`)} · ${a.unitName} (${a.institutionName})`}
        </Text>
      ))}
    </Stack>
  );
}

/** One suspected duplicate and the decisions open to it; the other side, when out of reach, says whom to contact. */
function CandidateCard({ c }: { c: CandidateView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: Decision) => api.post<CandidateView>(`/api/v1/matching/candidates/${c.id}/${decision}`, { version: c.version }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['duplicates'] });
      void client.invalidateQueries({ queryKey: ['home', 'duplicates'] });
    },
  });
  const reasons = c.reasons.map((r) => t(`home.duplicates.reason.${r}`)).join(', ');
  const open = openDecisions(c);
  const waiting = waitingFor(c);
  const button = (decision: Decision, label: string, variant: string) => (
    <Button size="xs" variant={variant} onClick={() => decide.mutate(decision)} loading={decide.isPending && decide.variables === decision}>{label}</Button>
  );
  return (
    <Card withBorder padding="sm" data-testid="duplicate-candidate">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5">{t('duplicates.matches_by', { reasons })}</Title>
          <Badge variant="light" color="indigo.9">{f.code('matchStatuses', c.status)}</Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <VisibleSide side={c.own} label={t('duplicates.own')} />
          {c.other.visible ? (
            <VisibleSide side={c.other} label={t('duplicates.other')} />
          ) : (
            <Stack gap={4}>
              <Text size="sm" fw={600}>{t('duplicates.other')}</Text>
              {c.crossInstitution && <Text size="sm">{t('duplicates.cross_institution')}</Text>}
              <Text size="sm">{t('duplicates.hidden')}</Text>
              {c.other.contacts.map((x) => <Text size="sm" key={`${x.unitName}-${x.institutionName}`}>{`${x.unitName} (${x.institutionName})`}</Text>)}
            </Stack>
          )}
        </SimpleGrid>
        <Text size="xs" c="dark.4">{t('duplicates.found_on', { date: f.date(c.createdAt) })}{c.decidedAt ? ` · ${t('duplicates.decided_on', { date: f.date(c.decidedAt) })}` : ''}</Text>
        {waiting.length > 0 && <Text size="sm" fw={600} data-testid="duplicate-waiting">{t('duplicates.waiting_for', { institutions: waiting.join(', ') })}</Text>}
        {(open.confirm || open.reject || open.unmerge) && (
          <Group gap="xs">
            {open.confirm && button('confirm', t('home.duplicates.confirm'), 'light')}
            {open.reject && button('reject', t('home.duplicates.reject'), 'default')}
            {open.unmerge && button('unmerge', t('duplicates.unmerge'), 'default')}
          </Group>
        )}
        {decide.error && (
          <Alert color="red" role="alert">{decide.error instanceof ApiError && decide.error.status === 409 ? t('common.version_conflict') : errorMessage(decide.error)}</Alert>
        )}
      </Stack>
    </Card>
  );
}

/** The review queue of suspected duplicate people (pending by default), with confirm, reject and unmerge. */
export default function DuplicatesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState<string>('pending');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['duplicates', status, page],
    queryFn: () => api.get<{ items: CandidateView[]; total: number }>('/api/v1/matching/candidates', { query: { status, page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  const statuses = [...matchStatuses, 'all'] as const;
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <Stack>
      <PageHeader title={t('duplicates.title')} description={t('duplicates.help')} />
      <SegmentedControl
        aria-label={t('duplicates.status')}
        // Five statuses do not fit side by side on a phone: one under the other there.
        orientation={narrow ? 'vertical' : 'horizontal'}
        fullWidth={narrow}
        value={status}
        onChange={(v) => { setStatus(v); setPage(1); }}
        data={statuses.map((s) => ({ value: s, label: s === 'all' ? t('common.all') : f.code('matchStatuses', s) }))}
        w={narrow ? '100%' : 'fit-content'}
      />
      <ErrorAlert error={query.error} />
      <QueryLoading query={query} />
      {/* Cards of the previous status or page stay visible, out of reach, until the new answer comes. */}
      {query.data?.items.length === 0 ? <EmptyState>{t('home.duplicates.empty')}</EmptyState> : (
        <Stack {...staleProps(query.isPlaceholderData)}>{(query.data?.items ?? []).map((c) => <CandidateCard key={c.id} c={c} />)}</Stack>
      )}
      {query.data && <Pager page={page} pageSize={20} total={query.data.total} onChange={setPage} />}
    </Stack>
  );
}
