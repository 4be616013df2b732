import { Alert, Badge, Button, Group, SimpleGrid, Stack, Tabs, Textarea, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callCreate, type CallView } from '../../../contracts/hotline';
import { callChannels, callerTypes } from '../../../core/hotline/call-status';
import { api } from '../../api/endpoints';
import { useNavigate } from 'react-router';
import { createOrQueue } from '../../offline/send';
import { useIdempotencyKey } from '../../api/idempotency';
import { errorAt } from '../../api/forms';
import { fieldDomId, useContractForm } from '../../api/use-contract-form';
import { useSession } from '../../api/session';
import { PageHeader } from '../../components/common';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CodeField, DateField, UbigeoField } from '../../components/fields';
import { RecordTable } from '../../components/RecordTable';
import { NewMarker, useMarkSeen } from '../../components/InboxToolbar';
import { useFormat } from '../../i18n/format';
import { CallDetail } from './CallDetail';

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
  const [saved, setSaved] = useState<CallView | null>(null);
  const { form, submit, fail, summary } = useContractForm<Values>({ schema: callCreate, prepare: toBody, defaultValues: { receivedAt: nowLocal(), channel: 'phone', callerType: 'anonymous', ubigeo: null, summary: '' } });
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
    onError: fail,
  });
  const p = { control: form.control, errors: form.formState.errors };
  return (
    <form onSubmit={submit((v) => { setSaved(null); save.mutate(v); })} noValidate data-testid="call-intake">
      <Stack maw={720}>
        <ErrorSummary {...summary} />
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
        <Textarea id={fieldDomId('summary')} label={t('hotline.summary')} description={t('hotline.summary_help')} autosize minRows={2} {...form.register('summary')} error={errorAt(form.formState.errors, 'summary')} />
        <Group><Button type="submit" loading={save.isPending}>{t('hotline.save')}</Button></Group>
      </Stack>
    </form>
  );
}

type CallRow = CallView & { isNew?: boolean };
type CallPage = { items: CallRow[]; total: number; unseen?: number };

/** A list of calls; with `markSeen` it is an inbox (follow-up): new rows marked, looked at once shown. */
function Calls({ name, list, testId, markSeen }: { name: string; list: (query: { page: number; pageSize: number }) => Promise<CallPage>; testId: string; markSeen?: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['calls', name, page],
    queryFn: () => list({ page, pageSize: 25 }),
    placeholderData: keepPreviousData,
  });
  useMarkSeen(markSeen ?? '', Boolean(markSeen) && query.isSuccess);
  return (
    <Stack>
      {query.data?.unseen !== undefined && query.data.unseen > 0 && <Badge color="indigo.8">{t('inbox.unseen', { count: query.data.unseen })}</Badge>}
      <RecordTable
        testId={testId}
        striped
        rows={query.data?.items}
        rowKey={(c) => c.id}
        query={query}
        empty={t('hotline.empty')}
        columns={[
          { key: 'receivedAt', header: t('hotline.received_at'), cell: (c) => <>{f.date(c.receivedAt)}<NewMarker isNew={Boolean(c.isNew)} /></> },
          { key: 'classification', header: t('hotline.classification'), cell: (c) => f.code('hotlineClassifications', c.classification) },
          { key: 'status', header: t('hotline.status'), cell: (c) => <Badge variant="light" color="indigo.9">{f.code('callStatuses', c.status)}</Badge> },
          { key: 'referredTo', header: t('hotline.referred_to'), cell: (c) => c.referral?.unitName ?? '—' },
          { key: 'outcome', header: t('hotline.outcome'), cell: (c) => `${f.code('callOutcomes', c.outcome)}${c.linkedCase?.code ? ` · ${c.linkedCase.code}` : ''}` },
          { key: 'actions', header: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>, cell: (c) => <Button size="xs" variant="subtle" onClick={() => setOpen(c.id)}>{t('common.details')}</Button> },
        ]}
        paging={query.data && { kind: 'offset', page, pageSize: 25, total: query.data.total, onChange: setPage }}
      />
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
        <Tabs.Panel value="calls"><Calls name="calls" list={api.hotline.calls} testId="calls-table" /></Tabs.Panel>
        <Tabs.Panel value="follow-up"><Calls name="follow-up" list={api.inbox.hotline} testId="follow-up-table" markSeen={api.inbox.hotlineSeen} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
