import { Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../contracts/cases';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { useAccessReasonLabel } from '../../components/AccessReason';
import { EmptyState, ErrorAlert } from '../../components/common';
import { RecordTable } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';

interface CaseEvent {
  id: string;
  type: string;
  at: string;
  details: Record<string, unknown>;
}
interface AuditEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  reason: string | null;
}

/** Who read identifying data of this case, and why (supervisors and auditors only). */
function AccessLog({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const reasonLabel = useAccessReasonLabel();
  const f = useFormat();
  const query = useQuery({
    queryKey: ['case-access-log', caseId],
    queryFn: () => api.get<{ items: AuditEntry[] }>('/api/v1/audit', { query: { action: 'identity.read', entityType: 'case', entityId: caseId, pageSize: 100 } }),
  });
  const reads = (query.data?.items ?? []).filter((e) => e.reason);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('case.history.access_log')}</Title>
      <RecordTable
        testId="access-log"
        columns={[
          { key: 'when', header: t('case.history.when'), cell: (e) => f.date(e.at) },
          { key: 'who', header: t('case.history.who'), cell: (e) => e.actorName ?? '—' },
          { key: 'reason', header: t('case.history.reason'), cell: (e) => e.reason && reasonLabel(e.reason) },
        ]}
        rows={query.data && reads}
        rowKey={(e: AuditEntry) => String(e.id)}
        query={query}
        empty={t('case.history.no_access')}
      />
    </Stack>
  );
}

export default function CaseHistory({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const query = useQuery({ queryKey: ['case-history', c.id, c.version], queryFn: () => api.get<{ items: CaseEvent[] }>(`/api/v1/cases/${c.id}/history`) });
  return (
    <Stack gap="lg">
      <ErrorAlert error={query.error} />
      {query.data && query.data.items.length === 0 && <EmptyState>{t('case.history.empty')}</EmptyState>}
      {query.data && query.data.items.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2}>
          {query.data.items.map((e) => (
            <Timeline.Item key={e.id} title={t(`case.event.${e.type}`, { defaultValue: e.type })}>
              <Text size="xs" c="dark.4">{f.date(e.at)}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {can('audit.read') && <AccessLog caseId={c.id} />}
    </Stack>
  );
}
