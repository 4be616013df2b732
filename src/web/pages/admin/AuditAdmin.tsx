import { Code, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { EmptyState, ErrorAlert } from '../../components/common';
import { Pager } from '../../components/Pager';
import { useFormat } from '../../i18n/format';
import { QueryLoading } from '../../components/QueryLoading';

interface AuditEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}
const PAGE_SIZE = 50;

export default function AuditAdmin() {
  const { t } = useTranslation();
  const f = useFormat();
  const [filters, setFilters] = useState({ action: '', entityType: '', entityId: '', from: '', to: '' });
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => api.get<{ items: AuditEntry[]; total: number }>('/api/v1/audit', { query: { ...filters, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const set = (name: keyof typeof filters) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setFilters({ ...filters, [name]: e.currentTarget.value });
    setPage(1);
  };
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="xs">
        <TextInput label={t('admin.audit.action')} placeholder="case.create" value={filters.action} onChange={set('action')} />
        <TextInput label={t('admin.audit.entity_type')} placeholder="case" value={filters.entityType} onChange={set('entityType')} />
        <TextInput label={t('admin.audit.entity_id')} value={filters.entityId} onChange={set('entityId')} />
        <TextInput type="date" label={t('admin.audit.from')} value={filters.from} onChange={set('from')} />
        <TextInput type="date" label={t('admin.audit.to')} value={filters.to} onChange={set('to')} />
      </SimpleGrid>
      <ErrorAlert error={query.error} />
      <QueryLoading query={query} />
      {query.data?.items.length === 0 && <EmptyState>{t('admin.audit.empty')}</EmptyState>}
      <div className="reta-table-wrap">
        <Table striped data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.audit.at')}</Table.Th>
              <Table.Th>{t('admin.audit.actor')}</Table.Th>
              <Table.Th>{t('admin.audit.action')}</Table.Th>
              <Table.Th>{t('admin.audit.entity')}</Table.Th>
              <Table.Th>{t('admin.audit.reason')}</Table.Th>
              <Table.Th>{t('admin.audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(query.data?.items ?? []).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{f.date(e.at)}</Table.Td>
                <Table.Td>{e.actorName ?? '—'}</Table.Td>
                <Table.Td><Code>{e.action}</Code></Table.Td>
                <Table.Td>{e.entityType ? `${e.entityType} ${e.entityId?.slice(0, 8) ?? ''}` : '—'}</Table.Td>
                <Table.Td>{e.reason ?? '—'}</Table.Td>
                <Table.Td><Code fz="xs">{JSON.stringify(e.details).slice(0, 120)}</Code></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {query.data && <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={setPage} />}
    </Stack>
  );
}
