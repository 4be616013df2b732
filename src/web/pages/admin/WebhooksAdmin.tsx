import { Alert, Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { WebhookDeliveryView, WebhookView } from '../../../contracts/webhooks';
import { webhookUrl } from '../../../contracts/webhooks';
import { api } from '../../api/endpoints';
import { useContractForm } from '../../api/use-contract-form';
import { ErrorAlert } from '../../components/common';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';

const webhookForm = z.object({ tokenId: z.uuid(), url: webhookUrl });
type WebhookForm = { tokenId: string | null; url: string };

function Deliveries({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const log = useQuery({ queryKey: ['webhook-deliveries', id], queryFn: () => api.get<{ items: WebhookDeliveryView[] }>(`/api/v1/webhooks/${id}/deliveries`) });
  const columns: Column<WebhookDeliveryView>[] = [
    { key: 'attemptedAt', header: t('admin.webhooks.attempted_at'), cell: (d) => f.date(d.attemptedAt) },
    { key: 'attempt', header: t('admin.webhooks.attempt'), cell: (d) => d.attempt },
    { key: 'changes', header: t('admin.webhooks.changes'), cell: (d) => d.changes },
    { key: 'outcome', header: t('admin.webhooks.outcome'), cell: (d) => (d.ok ? t('admin.webhooks.delivered') : `${t('admin.webhooks.failed')}: ${t(`admin.webhooks.error.${d.error ?? 'network'}`)}`) },
    { key: 'statusCode', header: t('admin.webhooks.status_code'), cell: (d) => d.statusCode ?? '—' },
    { key: 'duration', header: t('admin.webhooks.duration'), cell: (d) => d.durationMs },
  ];
  return <RecordTable label={t('admin.webhooks.deliveries')} columns={columns} rows={log.data?.items} rowKey={(d) => d.id} query={log} empty={t('admin.webhooks.no_deliveries')} />;
}

/** Webhooks of API tokens: add one, see its state and its delivery log, enable or disable it. */
export default function WebhooksAdmin() {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const hooks = useQuery({ queryKey: ['webhooks'], queryFn: () => api.get<{ items: WebhookView[] }>('/api/v1/webhooks') });
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api.admin.tokens.list() });
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const { form, submit, fail, summary } = useContractForm<WebhookForm>({ schema: webhookForm, defaultValues: { tokenId: null, url: '' } });
  const refresh = () => void client.invalidateQueries({ queryKey: ['webhooks'] });
  const create = useMutation({
    mutationFn: (v: WebhookForm) => api.post<WebhookView & { secret: string }>(`/api/v1/tokens/${v.tokenId}/webhooks`, { url: v.url }),
    onSuccess: (created) => { setSecret(created.secret); form.reset(); refresh(); },
    onError: fail,
  });
  const toggle = useMutation({
    mutationFn: (hook: WebhookView) => api.post(`/api/v1/webhooks/${hook.id}/${hook.active ? 'disable' : 'enable'}`, { version: hook.version }),
    onSettled: refresh,
  });
  const active = (tokens.data?.items ?? []).filter((tok) => !tok.revokedAt);
  const { control, formState: { errors } } = form;
  const columns: Column<WebhookView>[] = [
    { key: 'token', header: t('admin.webhooks.token'), cell: (hook) => hook.tokenName },
    { key: 'url', header: t('admin.webhooks.url'), cell: (hook) => <Code>{hook.url}</Code> },
    {
      key: 'state',
      header: t('admin.webhooks.state'),
      cell: (hook) => (hook.active ? <Badge color="green">{t('admin.webhooks.active')}</Badge> : <Badge color="gray">{t('admin.webhooks.disabled', { date: f.date(hook.disabledAt) })}</Badge>),
    },
    { key: 'failures', header: t('admin.webhooks.failures'), cell: (hook) => hook.consecutiveFailures },
    { key: 'next', header: t('admin.webhooks.next_attempt'), cell: (hook) => (hook.active ? f.date(hook.nextAttemptAt) : '—') },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (hook) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="light" onClick={() => toggle.mutate(hook)}>{hook.active ? t('admin.webhooks.disable') : t('admin.webhooks.enable')}</Button>
          <Button size="xs" variant="subtle" aria-expanded={open === hook.id} onClick={() => setOpen(open === hook.id ? null : hook.id)}>
            {open === hook.id ? t('admin.webhooks.hide_deliveries') : t('admin.webhooks.deliveries')}
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <Stack>
      <Text size="sm">{t('admin.webhooks.help')}</Text>
      <form onSubmit={submit((v) => create.mutate(v))} noValidate>
        <ErrorSummary {...summary} />
        <Group align="flex-end" wrap="wrap">
          <SelectField control={control} errors={errors} name="tokenId" label={t('admin.webhooks.token')} data={active.map((tok) => ({ value: tok.id, label: tok.name }))} clearable={false} />
          <TextField control={control} errors={errors} name="url" label={t('admin.webhooks.url')} />
          <Button type="submit" loading={create.isPending}>{t('admin.webhooks.create')}</Button>
        </Group>
      </form>
      {secret && (
        <Alert color="yellow" title={t('admin.webhooks.copy_secret')} withCloseButton onClose={() => setSecret(null)} closeButtonLabel={t('common.close')}>
          <Code block>{secret}</Code>
        </Alert>
      )}
      <ErrorAlert error={toggle.error} />
      <RecordTable columns={columns} rows={hooks.data?.items} rowKey={(hook) => hook.id} query={hooks} empty={t('admin.webhooks.empty')} striped />
      {open && <Deliveries id={open} />}
    </Stack>
  );
}
