import { Alert, Badge, Button, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import type { CaseView } from '../../../contracts/cases';
import { api, ApiError, downloadFile } from '../../api/client';
import { useSession } from '../../api/session';
import { AccessReasonModal, useAccessReasonLabel } from '../../components/AccessReason';
import { ErrorAlert, PageHeader } from '../../components/common';
import { useFormat } from '../../i18n/format';
import { EditCaseModal, TransferModal } from './CaseActions';
import { CasePeople } from './CasePeople';
import { CaseSummary } from './CaseSummary';
import { EnteredSummary } from './EnteredSummary';
import { KeepOnDevice } from '../../offline/KeepOnDevice';

const CaseHistory = lazy(() => import('./CaseHistory'));
const CaseJustice = lazy(() => import('../justice/CaseJustice'));
const CaseProtection = lazy(() => import('../protection/CaseProtection'));
const CaseLinked = lazy(() => import('./CaseLinked'));

export default function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const location = useLocation();
  const reasonLabel = useAccessReasonLabel();
  const [reason, setReason] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [tab, setTab] = useState<string | null>('summary');
  const [dialog, setDialog] = useState<'edit' | 'transfer' | null>(null);
  const client = useQueryClient();
  const setStatus = useMutation({
    mutationFn: (v: { status: string; version: number }) => api.patch<CaseView>(`/api/v1/cases/${id}`, v),
    onSettled: () => void client.invalidateQueries({ queryKey: ['case', id] }),
  });
  // The printable summary shows what this page shows: identities only once a reason was given here.
  const printing = useMutation({
    mutationFn: () => downloadFile(`/api/v1/cases/${id}/summary.pdf`, `${query.data?.code ?? 'case'}.pdf`, { accessReason: reason ?? undefined }),
  });
  const query = useQuery({
    queryKey: ['case', id, reason],
    queryFn: () => api.get<CaseView>(`/api/v1/cases/${id}`, { accessReason: reason ?? undefined }),
  });

  if (query.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <Stack>
        <PageHeader title={t('case.page.not_found_title')} />
        <Alert color="gray" data-testid="case-not-found">{t('case.page.not_found')}</Alert>
      </Stack>
    );
  }
  if (!query.data) return <ErrorAlert error={query.error} />;
  const c = query.data;
  const identityShown = c.narrative !== undefined || c.victims.some((v) => v.person.identity);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('case.page.title', { code: c.code })}
        description={t('case.page.subtitle', { date: f.date(c.registeredAt), source: f.code('caseSources', c.source) })}
        actions={
          <>
            <Button size="xs" variant="default" loading={printing.isPending} onClick={() => printing.mutate()} data-testid="case-print">{t('case.actions.print')}</Button>
            {can('case.update') && c.accessLevel === 'owner' && (
              <Button size="xs" variant="default" onClick={() => setDialog('edit')} data-testid="case-edit">{t('case.actions.edit')}</Button>
            )}
            {can('case.transfer') && c.accessLevel === 'owner' && (
              <Button size="xs" variant="default" onClick={() => setDialog('transfer')} data-testid="case-transfer">{t('case.actions.transfer')}</Button>
            )}
            {can('case.update') && c.accessLevel === 'owner' && (
              <Button size="xs" variant="default" loading={setStatus.isPending} onClick={() => setStatus.mutate({ status: c.status === 'open' ? 'closed' : 'open', version: c.version })}>
                {c.status === 'open' ? t('case.page.close') : t('case.page.reopen')}
              </Button>
            )}
            <Badge size="lg" variant="filled" color={c.status === 'open' ? 'indigo.8' : 'gray.7'}>{f.code('caseStatuses', c.status)}</Badge>
            <Badge size="lg" variant="filled" color={c.palermo.isTrafficking ? '#1e6b34' : 'gray.7'} data-testid="case-palermo">
              {c.palermo.isTrafficking ? t('palermo.met') : t('palermo.not_met')}
            </Badge>
          </>
        }
      />
      <ErrorAlert error={setStatus.error ?? printing.error} />
      {(location.state as { registered?: boolean } | null)?.registered && (
        <Alert color="green" role="status">{t('case.page.registered', { code: c.code })}</Alert>
      )}
      <EnteredSummary />
      <KeepOnDevice c={c} />
      {can('identity.read') && !identityShown && c.identityAvailable !== false && (
        <Group>
          <Button variant="light" onClick={() => setAsking(true)} data-testid="show-identity">{t('access.show_identity')}</Button>
          <Text size="xs" c="dark.4">{t('access.recorded_short')}</Text>
        </Group>
      )}
      {reason && (
        <Alert color="yellow" p="xs" role="status">
          <Text size="sm">{t('access.active', { reason: reasonLabel(reason) })}</Text>
        </Alert>
      )}
      {c.accessLevel === 'owner' && <EditCaseModal c={c} opened={dialog === 'edit'} onClose={() => setDialog(null)} />}
      {c.accessLevel === 'owner' && <TransferModal c={c} opened={dialog === 'transfer'} onClose={() => setDialog(null)} />}
      <AccessReasonModal opened={asking} onClose={() => setAsking(false)} onConfirm={(r) => { setReason(r); setAsking(false); }} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="summary">{t('case.tab.summary')}</Tabs.Tab>
          <Tabs.Tab value="people">{t('case.tab.people', { n: c.victims.length + c.suspects.length })}</Tabs.Tab>
          {can('justice.read') && c.accessLevel !== 'referral' && <Tabs.Tab value="justice">{t('case.tab.justice')}</Tabs.Tab>}
          {can('protection.read') && <Tabs.Tab value="protection">{t('case.tab.protection')}</Tabs.Tab>}
          <Tabs.Tab value="linked">{t('case.tab.linked')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('case.tab.history')}</Tabs.Tab>
        </Tabs.List>
        <Suspense fallback={<Loader size="sm" />}>
          <Tabs.Panel value="summary" pt="md"><CaseSummary c={c} /></Tabs.Panel>
          <Tabs.Panel value="people" pt="md"><CasePeople c={c} /></Tabs.Panel>
          <Tabs.Panel value="justice" pt="md"><CaseJustice c={c} /></Tabs.Panel>
          <Tabs.Panel value="protection" pt="md"><CaseProtection c={c} /></Tabs.Panel>
          <Tabs.Panel value="linked" pt="md"><CaseLinked c={c} /></Tabs.Panel>
          <Tabs.Panel value="history" pt="md"><CaseHistory c={c} /></Tabs.Panel>
        </Suspense>
      </Tabs>
    </Stack>
  );
}
