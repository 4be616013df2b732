import { Alert, Button, Group, List, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReconciliationView } from '../../../contracts/reconciliation';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { ErrorAlert, PageHeader } from '../../components/common';
import { RecordTable } from '../../components/RecordTable';
import { QueryLoading } from '../../components/QueryLoading';
import { useFormat } from '../../i18n/format';
import { useInstitutions } from '../admin/admin-data';

type Params = { institutionId: string; from: string; to: string };

/**
 * Reconciliation with another institution: the supervisor's own complaints with no counterpart in the
 * other's records (by code, to follow up), and only counts of the reverse.
 */
export default function ReconciliationPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { state } = useSession();
  const ownInstitution = state.status === 'signed-in' ? state.user.institutionId : null;
  const institutions = useInstitutions();
  const [draft, setDraft] = useState<Params>({ institutionId: '', from: '', to: '' });
  const [params, setParams] = useState<Params | null>(null);
  const report = useQuery({
    queryKey: ['reconciliation', params],
    enabled: params !== null,
    queryFn: () => {
      const query = new URLSearchParams({ institutionId: params!.institutionId, ...(params!.from ? { from: params!.from } : {}), ...(params!.to ? { to: params!.to } : {}) });
      return api.get<ReconciliationView>(`/api/v1/reconciliation?${query}`);
    },
  });
  const others = (institutions.data ?? []).filter((i) => i.id !== ownInstitution);
  const data = report.data;
  return (
    <Stack>
      <PageHeader title={t('reconciliation.title')} description={t('reconciliation.help')} />
      <form onSubmit={(e) => { e.preventDefault(); if (draft.institutionId) setParams({ ...draft }); }} noValidate>
        <Group align="flex-end" wrap="wrap">
          <Select label={t('reconciliation.other')} data={others.map((i) => ({ value: i.id, label: i.name }))} value={draft.institutionId || null} onChange={(v) => setDraft({ ...draft, institutionId: v ?? '' })} searchable w={320} />
          <TextInput label={t('reconciliation.from')} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} w={170} />
          <TextInput label={t('reconciliation.to')} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} w={170} />
          <Button type="submit" disabled={!draft.institutionId}>{t('reconciliation.run')}</Button>
        </Group>
      </form>
      <ErrorAlert error={institutions.error ?? report.error} />
      {params && <QueryLoading query={report} />}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Alert color="blue" title={data.ours.name}>
              {t('reconciliation.side', { total: f.number(data.ours.total), matched: f.number(data.ours.matched), unmatched: f.number(data.ours.unmatched.length) })}
            </Alert>
            <Alert color="gray" title={data.theirs.name}>
              {t('reconciliation.side', { total: f.number(data.theirs.total), matched: f.number(data.theirs.matched), unmatched: f.number(data.theirs.unmatchedCount) })}
            </Alert>
          </SimpleGrid>
          <Text size="sm">{t('reconciliation.matched_by')}</Text>
          <List size="sm">
            {(['shared', 'file_number', 'person', 'name_and_facts'] as const).map((reason) => (
              <List.Item key={reason}>{t(`reconciliation.reason.${reason}`)}: {f.number(data.matchedBy[reason])}</List.Item>
            ))}
          </List>
          <Title order={2} size="h4">{t('reconciliation.ours_unmatched', { other: data.theirs.name })}</Title>
          <RecordTable
            label={t('reconciliation.ours_unmatched', { other: data.theirs.name })}
            striped
            columns={[{ key: 'case', header: t('reconciliation.case'), cell: (c) => <Link to={`/cases/${c.id}`}>{c.code}</Link> }]}
            rows={data.ours.unmatched}
            rowKey={(c) => c.id}
            empty={t('reconciliation.none')}
          />
          <Text size="sm">{t('reconciliation.theirs_note', { count: data.theirs.unmatchedCount, other: data.theirs.name })}</Text>
          {data.theirs.unmatchedVisible.length > 0 && (
            <List size="sm">{data.theirs.unmatchedVisible.map((c) => <List.Item key={c.id}><Link to={`/cases/${c.id}`}>{c.code}</Link></List.Item>)}</List>
          )}
        </>
      )}
    </Stack>
  );
}
