import { Anchor, Table } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { justiceInbox } from '../../../contracts/justice';
import { api } from '../../api/client';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { InboxToolbar, NewMarker, useInboxFilters, useMarkSeen } from '../../components/InboxToolbar';
import { Pager } from '../../components/Pager';
import { useFormat } from '../../i18n/format';
import { QueryLoading } from '../../components/QueryLoading';

type Inbox = z.infer<typeof justiceInbox>;
const PAGE_SIZE = 25;

/** The inbox of a prosecutor office or court: police reports and charges sent to the user's institution, newest first. */
export default function JusticePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const filters = useInboxFilters();
  const query = useQuery({
    queryKey: ['justice-inbox', filters.query],
    queryFn: () => api.get<Inbox>('/api/v1/justice/inbox', { query: { ...filters.query, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  useMarkSeen('/api/v1/justice/inbox/seen', query.isSuccess);
  return (
    <>
      <PageHeader title={t('justice.inbox.title')} description={t('justice.inbox.help')} />
      <InboxToolbar filters={filters} unseen={query.data?.unseen} />
      <QueryLoading query={query} />
      <ErrorAlert error={query.error} />
      {query.data?.items.length === 0 ? (
        <EmptyState>{t('justice.inbox.empty')}</EmptyState>
      ) : (
        <div className="reta-table-wrap">
          <Table striped data-testid="justice-inbox">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('search.col.code')}</Table.Th>
                <Table.Th>{t('justice.form.type')}</Table.Th>
                <Table.Th>{t('justice.form.occurred_on')}</Table.Th>
                <Table.Th>{t('inbox.received')}</Table.Th>
                <Table.Th>{t('justice.form.articles')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(query.data?.items ?? []).map((e) => (
                <Table.Tr key={e.id} fw={e.isNew ? 600 : undefined}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${e.caseId}`}>{e.caseCode ?? t('justice.inbox.open_case')}</Anchor>
                    <NewMarker isNew={e.isNew} />
                  </Table.Td>
                  <Table.Td>{f.code('justiceEventTypes', e.type)}</Table.Td>
                  <Table.Td>{f.date(e.occurredOn)}</Table.Td>
                  <Table.Td>{f.date(e.recordedAt)}</Table.Td>
                  <Table.Td>{e.articles.map((a) => a.articleNumber).join(', ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {query.data && <Pager page={filters.page} pageSize={PAGE_SIZE} total={query.data.total} onChange={filters.setPage} />}
    </>
  );
}
