import { Anchor, Table } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { eventView } from '../../../contracts/justice';
import { api } from '../../api/client';
import { useUser } from '../../api/session';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { Pager } from '../../components/Pager';
import { useFormat } from '../../i18n/format';

type Event = z.infer<typeof eventView>;
const PAGE_SIZE = 25;

/** The inbox of a prosecutor office or court: police reports and charges sent to the user's institution. */
export default function JusticePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const user = useUser();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['justice-inbox', user.institutionId, page],
    queryFn: () => api.get<{ items: Event[]; total: number }>('/api/v1/justice/events', { query: { receivingInstitutionId: user.institutionId, page, pageSize: PAGE_SIZE, sort: '-occurredOn' } }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={t('justice.inbox.title')} description={t('justice.inbox.help')} />
      <ErrorAlert error={query.error} />
      {query.data?.items.length === 0 ? (
        <EmptyState>{t('justice.inbox.empty')}</EmptyState>
      ) : (
        <div className="reta-table-wrap">
          <Table striped data-testid="justice-inbox">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('justice.form.occurred_on')}</Table.Th>
                <Table.Th>{t('justice.form.type')}</Table.Th>
                <Table.Th>{t('justice.form.articles')}</Table.Th>
                <Table.Th>{t('nav.cases')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(query.data?.items ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{f.date(e.occurredOn)}</Table.Td>
                  <Table.Td>{f.code('justiceEventTypes', e.type)}</Table.Td>
                  <Table.Td>{e.articles.map((a) => a.articleNumber).join(', ') || '—'}</Table.Td>
                  <Table.Td><Anchor component={Link} to={`/cases/${e.caseId}`}>{t('justice.inbox.open_case')}</Anchor></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {query.data && <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={setPage} />}
    </>
  );
}
