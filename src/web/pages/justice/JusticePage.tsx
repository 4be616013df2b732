import { Anchor } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/endpoints';
import { PageHeader } from '../../components/common';
import { InboxToolbar, NewMarker, showsPreviousAnswer, useInboxFilters, useMarkSeen } from '../../components/InboxToolbar';
import { RecordTable } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';

const PAGE_SIZE = 25;

/** The inbox of a prosecutor office or court: police reports and charges sent to the user's institution, newest first. */
export default function JusticePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const filters = useInboxFilters();
  const query = useQuery({
    queryKey: ['justice-inbox', filters.query],
    queryFn: () => api.inbox.justice({ ...filters.query, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  useMarkSeen(api.inbox.justiceSeen, query.isSuccess);
  return (
    <>
      <PageHeader title={t('justice.inbox.title')} description={t('justice.inbox.help')} />
      <InboxToolbar filters={filters} unseen={query.data?.unseen} />
      <RecordTable
        testId="justice-inbox"
        striped
        rows={query.data?.items}
        rowKey={(e) => e.id}
        query={query}
        stale={showsPreviousAnswer(filters, query)}
        empty={t('justice.inbox.empty')}
        rowProps={(e) => ({ fw: e.isNew ? 600 : undefined })}
        columns={[
          {
            key: 'code',
            header: t('search.col.code'),
            cell: (e) => (
              <>
                <Anchor component={Link} to={`/cases/${e.caseId}`}>{e.caseCode ?? t('justice.inbox.open_case')}</Anchor>
                <NewMarker isNew={e.isNew} />
              </>
            ),
          },
          { key: 'type', header: t('justice.form.type'), cell: (e) => f.code('justiceEventTypes', e.type) },
          { key: 'occurredOn', header: t('justice.form.occurred_on'), cell: (e) => f.date(e.occurredOn) },
          { key: 'received', header: t('inbox.received'), cell: (e) => f.date(e.recordedAt) },
          { key: 'articles', header: t('justice.form.articles'), cell: (e) => e.articles.map((a) => a.articleNumber).join(', ') || '—' },
        ]}
        paging={query.data && { kind: 'offset', page: filters.page, pageSize: PAGE_SIZE, total: query.data.total, onChange: filters.setPage }}
      />
    </>
  );
}
