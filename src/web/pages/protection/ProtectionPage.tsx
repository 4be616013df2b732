import { Anchor, Badge, Button, Drawer, Group, Progress, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../../api/session';
import { ShelterForm } from './ShelterForms';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { InboxToolbar, NewMarker, showsPreviousAnswer, useInboxFilters, useMarkSeen } from '../../components/InboxToolbar';
import { Pager } from '../../components/Pager';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/endpoints';
import { RecordTable, staleProps } from '../../components/RecordTable';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { useFormat } from '../../i18n/format';
import { ReferralCard } from './ReferralCard';
import { QueryLoading } from '../../components/QueryLoading';

const INBOX_PAGE_SIZE = 20;

function Inbox() {
  const { t } = useTranslation();
  const filters = useInboxFilters();
  const query = useQuery({
    queryKey: ['referrals', 'inbox', filters.query],
    queryFn: () => api.inbox.referrals({ ...filters.query, pageSize: INBOX_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  useMarkSeen(api.inbox.referralsSeen, query.isSuccess);
  return (
    <Stack gap="sm" data-testid="referral-inbox">
      <InboxToolbar filters={filters} unseen={query.data?.unseen} />
      <QueryLoading query={query} />
      <ErrorAlert error={query.error} />
      {query.data?.items.length === 0 && <EmptyState>{t('home.referral_inbox.empty')}</EmptyState>}
      <Stack gap="sm" {...staleProps(showsPreviousAnswer(filters, query))} data-testid="referral-list">
        {(query.data?.items ?? []).map((r) => (
          <ReferralCard
            key={r.id}
            referral={r}
            caseLink={
              <Group gap={4}>
                <Anchor component={Link} to={`/cases/${r.caseId}`} size="sm">{r.caseCode ?? t('justice.inbox.open_case')}</Anchor>
                <NewMarker isNew={r.isNew} />
              </Group>
            }
          />
        ))}
      </Stack>
      {query.data && <Pager page={filters.page} pageSize={INBOX_PAGE_SIZE} total={query.data.total} onChange={filters.setPage} />}
    </Stack>
  );
}

function Shelters() {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useQuery({ queryKey: ['shelters'], queryFn: () => api.shelters.list({ pageSize: 200 }) });
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="sm">
      {can('shelter.manage') && <Group justify="flex-end"><Button onClick={() => setCreating(true)}>{t('protection.new_shelter')}</Button></Group>}
      <Drawer opened={creating} onClose={() => setCreating(false)} title={t('protection.new_shelter')} position="right" size="md">
        {creating && <ShelterForm onDone={() => setCreating(false)} />}
      </Drawer>
      <RecordTable
        striped
        rows={query.data?.items}
        rowKey={(s) => s.id}
        query={query}
        empty={t('protection.no_shelters')}
        columns={[
          { key: 'name', header: t('admin.field.name'), cell: (s) => <>{s.name} {s.status !== 'active' && <Badge color="gray.7">{f.code('shelterStatuses', s.status)}</Badge>}</> },
          { key: 'institution', header: t('admin.field.institution'), cell: (s) => s.institution.name },
          { key: 'population', header: t('protection.population'), cell: (s) => f.code('shelterPopulations', s.targetPopulation) },
          {
            key: 'occupancy',
            header: t('protection.occupancy'),
            miw: 180,
            cell: (s) => (
              <>
                <Text size="xs">{t('protection.beds', { occupied: f.number(s.occupiedBeds), capacity: f.number(s.capacityBeds), free: f.number(s.freeBeds) })}</Text>
                <Progress value={s.capacityBeds ? (100 * s.occupiedBeds) / s.capacityBeds : 0} aria-label={t('protection.occupancy')} color={s.freeBeds === 0 ? '#b42318' : 'indigo.8'} />
              </>
            ),
          },
        ]}
      />
    </Stack>
  );
}

export default function ProtectionPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('protection.title')} />
      <Tabs defaultValue="inbox" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="inbox">{t('protection.inbox')}</Tabs.Tab>
          <Tabs.Tab value="shelters">{t('protection.shelters')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inbox"><Inbox /></Tabs.Panel>
        <Tabs.Panel value="shelters"><Shelters /></Tabs.Panel>
      </Tabs>
    </>
  );
}
