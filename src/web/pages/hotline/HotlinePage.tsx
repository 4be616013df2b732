import { Alert, Badge, Button, Group, SimpleGrid, Stack, Table, Tabs, Textarea, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { callCreate, type CallView } from '../../../contracts/hotline';
import { callChannels, callerTypes } from '../../../core/hotline/call-status';
import { api, errorMessage } from '../../api/client';
import { useNavigate } from 'react-router';
import { createOrQueue } from '../../offline/send';
import { useIdempotencyKey } from '../../api/idempotency';
import { applyServerErrors, contractResolver, errorAt } from '../../api/forms';
import { useSession } from '../../api/session';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { CodeField, DateField, UbigeoField } from '../../components/fields';
import { Pager } from '../../components/Pager';
import { NewMarker, useMarkSeen } from '../../components/InboxToolbar';
import { useFormat } from '../../i18n/format';
import { CallDetail } from './CallDetail';
import { QueryLoading } from '../../components/QueryLoading';

interface Values {
  receivedAt: string;
  channel?: string;
  callerType?: string;
  classification?: string;
  ubigeo?: string | null;
  summary?: string;
}
const nowLocal = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};
/** The local date-time typed by the operator, as an ISO instant. */
const toBody = (v: Values) => ({ ...v, receivedAt: v.receivedAt ? new Date(v.receivedAt).toISOString() : '', ubigeo: v.ubigeo || undefined, summary: v.summary?.trim() || undefined });

/** Fast intake: a call is classified in seconds; actionable tips are referred to the nearest police unit. */
function Intake() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<CallView | null>(null);
  const form = useForm<Values>({ resolver: contractResolver(callCreate, toBody), defaultValues: { receivedAt: nowLocal(), channel: 'phone', callerType: 'anonymous', ubigeo: null, summary: '' } });
  // One key per form until it is saved: a retry after a lost answer is the same record.
  const idem = useIdempotencyKey();
  const navigate = useNavigate();
  const save = useMutation({
    // With no connection the call waits on this device (encrypted, with its key) and is sent when it returns.
    mutationFn: (v: Values) => createOrQueue<CallView>('/api/v1/hotline/calls', toBody(v) as Record<string, unknown>, { idempotencyKey: idem.current(), label: t('offline.queued_item', { what: t('nav.hotline') }) }),
    onSuccess: (sent) => {
      idem.renew();
      if (sent.queued) {
        navigate('/offline', { state: { queued: true } });
        return;
      }
      setSaved(sent.result); form.reset({ receivedAt: nowLocal(), channel: 'phone', callerType: 'anonymous', ubigeo: null, summary: '' }); void client.invalidateQueries({ queryKey: ['calls'] });
    },
    onError: (error) => setFailure(applyServerErrors(error, form.setError) ?? errorMessage(error)),
  });
  const p = { control: form.control, errors: form.formState.errors };
  return (
    <form onSubmit={form.handleSubmit((v) => { setFailure(null); setSaved(null); save.mutate(v); })} noValidate data-testid="call-intake">
      <Stack maw={720}>
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
        {saved && (
          <Alert color="green" role="status">
            {saved.referral ? t('hotline.saved_referred', { unit: saved.referral.unitName ?? saved.referral.unitCode ?? '' }) : t('hotline.saved')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <DateField {...p} name="receivedAt" type="datetime-local" label={t('hotline.received_at')} />
          <CodeField {...p} name="classification" list="hotlineClassifications" label={t('hotline.classification')} />
          <CodeField {...p} name="channel" list="callChannels" values={callChannels} label={t('hotline.channel')} />
          <CodeField {...p} name="callerType" list="callerTypes" values={callerTypes} label={t('hotline.caller_type')} />
        </SimpleGrid>
        <UbigeoField {...p} name="ubigeo" />
        <Textarea label={t('hotline.summary')} description={t('hotline.summary_help')} autosize minRows={2} {...form.register('summary')} error={errorAt(form.formState.errors, 'summary')} />
        <Group><Button type="submit" loading={save.isPending}>{t('hotline.save')}</Button></Group>
      </Stack>
    </form>
  );
}

/** A list of calls; with `seenPath` it is an inbox (follow-up): new rows marked, looked at once shown. */
function Calls({ path, testId, seenPath }: { path: string; testId: string; seenPath?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['calls', path, page],
    queryFn: () => api.get<{ items: Array<CallView & { isNew?: boolean }>; total: number; unseen?: number }>(path, { query: { page, pageSize: 25 } }),
    placeholderData: keepPreviousData,
  });
  useMarkSeen(seenPath ?? '', Boolean(seenPath) && query.isSuccess);
  return (
    <Stack>
      {query.data?.unseen !== undefined && query.data.unseen > 0 && <Badge color="indigo.8">{t('inbox.unseen', { count: query.data.unseen })}</Badge>}
      <ErrorAlert error={query.error} />
      <QueryLoading query={query} />
      {query.data?.items.length === 0 ? <EmptyState>{t('hotline.empty')}</EmptyState> : (
        <div className="reta-table-wrap">
          <Table striped data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('hotline.received_at')}</Table.Th>
                <Table.Th>{t('hotline.classification')}</Table.Th>
                <Table.Th>{t('hotline.status')}</Table.Th>
                <Table.Th>{t('hotline.referred_to')}</Table.Th>
                <Table.Th>{t('hotline.outcome')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(query.data?.items ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{f.date(c.receivedAt)}<NewMarker isNew={Boolean(c.isNew)} /></Table.Td>
                  <Table.Td>{f.code('hotlineClassifications', c.classification)}</Table.Td>
                  <Table.Td><Badge variant="light" color="indigo.9">{f.code('callStatuses', c.status)}</Badge></Table.Td>
                  <Table.Td>{c.referral?.unitName ?? '—'}</Table.Td>
                  <Table.Td>{f.code('callOutcomes', c.outcome)}{c.linkedCase?.code ? ` · ${c.linkedCase.code}` : ''}</Table.Td>
                  <Table.Td><Button size="xs" variant="subtle" onClick={() => setOpen(c.id)}>{t('common.details')}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {query.data && <Pager page={page} pageSize={25} total={query.data.total} onChange={setPage} />}
      <CallDetail id={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

export default function HotlinePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <>
      <PageHeader title={t('hotline.title')} />
      <Tabs defaultValue={can('hotline.write') ? 'intake' : 'calls'} keepMounted={false}>
        <Tabs.List mb="md">
          {can('hotline.write') && <Tabs.Tab value="intake">{t('hotline.intake')}</Tabs.Tab>}
          <Tabs.Tab value="calls">{t('hotline.calls')}</Tabs.Tab>
          <Tabs.Tab value="follow-up">{t('hotline.follow_up')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="intake"><Intake /></Tabs.Panel>
        <Tabs.Panel value="calls"><Calls path="/api/v1/hotline/calls" testId="calls-table" /></Tabs.Panel>
        <Tabs.Panel value="follow-up"><Calls path="/api/v1/hotline/follow-up" testId="follow-up-table" seenPath="/api/v1/hotline/follow-up/seen" /></Tabs.Panel>
      </Tabs>
    </>
  );
}
