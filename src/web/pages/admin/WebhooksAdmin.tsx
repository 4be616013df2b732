import { Alert, Badge, Button, Code, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { WebhookDeliveryView, WebhookView } from '../../../contracts/webhooks';
import { webhookUrl } from '../../../contracts/webhooks';
import { api, errorMessage } from '../../api/client';
import { applyServerErrors, contractResolver } from '../../api/forms';
import { EmptyState, ErrorAlert } from '../../components/common';
import { QueryLoading } from '../../components/QueryLoading';
import { useFormat } from '../../i18n/format';

const webhookForm = z.object({ tokenId: z.uuid(), url: webhookUrl });
type WebhookForm = { tokenId: string | null; url: string };

function Deliveries({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const log = useQuery({ queryKey: ['webhook-deliveries', id], queryFn: () => api.get<{ items: WebhookDeliveryView[] }>(`/api/v1/webhooks/${id}/deliveries`) });
  if (log.data?.items.length === 0) return <Text size="sm">{t('admin.webhooks.no_deliveries')}</Text>;
  return (
    <>
      <QueryLoading query={log} />
      <Table aria-label={t('admin.webhooks.deliveries')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.webhooks.attempted_at')}</Table.Th>
            <Table.Th>{t('admin.webhooks.attempt')}</Table.Th>
            <Table.Th>{t('admin.webhooks.changes')}</Table.Th>
            <Table.Th>{t('admin.webhooks.outcome')}</Table.Th>
            <Table.Th>{t('admin.webhooks.status_code')}</Table.Th>
            <Table.Th>{t('admin.webhooks.duration')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(log.data?.items ?? []).map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{f.date(d.attemptedAt)}</Table.Td>
              <Table.Td>{d.attempt}</Table.Td>
              <Table.Td>{d.changes}</Table.Td>
              <Table.Td>{d.ok ? t('admin.webhooks.delivered') : `${t('admin.webhooks.failed')}: ${t(`admin.webhooks.error.${d.error ?? 'network'}`)}`}</Table.Td>
              <Table.Td>{d.statusCode ?? '—'}</Table.Td>
              <Table.Td>{d.durationMs}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** Webhooks of API tokens: add one, see its state and its delivery log, enable or disable it. */
export default function WebhooksAdmin() {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const hooks = useQuery({ queryKey: ['webhooks'], queryFn: () => api.get<{ items: WebhookView[] }>('/api/v1/webhooks') });
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api.get<{ items: Array<{ id: string; name: string; revokedAt?: string | null }> }>('/api/v1/tokens') });
  const [secret, setSecret] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const form = useForm<WebhookForm>({ resolver: contractResolver(webhookForm), defaultValues: { tokenId: null, url: '' } });
  const refresh = () => void client.invalidateQueries({ queryKey: ['webhooks'] });
  const create = useMutation({
    mutationFn: (v: WebhookForm) => api.post<WebhookView & { secret: string }>(`/api/v1/tokens/${v.tokenId}/webhooks`, { url: v.url }),
    onSuccess: (created) => { setSecret(created.secret); form.reset(); refresh(); },
    onError: (error) => setFailure(applyServerErrors(error, form.setError) ?? errorMessage(error)),
  });
  const toggle = useMutation({
    mutationFn: (hook: WebhookView) => api.post(`/api/v1/webhooks/${hook.id}/${hook.active ? 'disable' : 'enable'}`, { version: hook.version }),
    onSettled: refresh,
  });
  const active = (tokens.data?.items ?? []).filter((tok) => !tok.revokedAt);
  return (
    <Stack>
      <Text size="sm">{t('admin.webhooks.help')}</Text>
      <form onSubmit={form.handleSubmit((v) => { setFailure(null); create.mutate(v); })} noValidate>
        <Group align="flex-end" wrap="wrap">
          <Controller control={form.control} name="tokenId" render={({ field }) => (
            <Select label={t('admin.webhooks.token')} data={active.map((tok) => ({ value: tok.id, label: tok.name }))} value={field.value} onChange={field.onChange} error={form.formState.errors.tokenId?.message} w={240} />
          )} />
          <TextInput label={t('admin.webhooks.url')} {...form.register('url')} error={form.formState.errors.url?.message} w={360} />
          <Button type="submit" loading={create.isPending}>{t('admin.webhooks.create')}</Button>
        </Group>
      </form>
      {failure && <Alert color="red" role="alert">{failure}</Alert>}
      {secret && (
        <Alert color="yellow" title={t('admin.webhooks.copy_secret')} withCloseButton onClose={() => setSecret(null)} closeButtonLabel={t('common.close')}>
          <Code block>{secret}</Code>
        </Alert>
      )}
      <ErrorAlert error={hooks.error ?? toggle.error} />
      <QueryLoading query={hooks} />
      {hooks.data?.items.length === 0 && <EmptyState>{t('admin.webhooks.empty')}</EmptyState>}
      <div className="reta-table-wrap">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.webhooks.token')}</Table.Th>
              <Table.Th>{t('admin.webhooks.url')}</Table.Th>
              <Table.Th>{t('admin.webhooks.state')}</Table.Th>
              <Table.Th>{t('admin.webhooks.failures')}</Table.Th>
              <Table.Th>{t('admin.webhooks.next_attempt')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(hooks.data?.items ?? []).map((hook) => (
              <Table.Tr key={hook.id}>
                <Table.Td>{hook.tokenName}</Table.Td>
                <Table.Td><Code>{hook.url}</Code></Table.Td>
                <Table.Td>
                  {hook.active ? <Badge color="green">{t('admin.webhooks.active')}</Badge> : <Badge color="gray">{t('admin.webhooks.disabled', { date: f.date(hook.disabledAt) })}</Badge>}
                </Table.Td>
                <Table.Td>{hook.consecutiveFailures}</Table.Td>
                <Table.Td>{hook.active ? f.date(hook.nextAttemptAt) : '—'}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => toggle.mutate(hook)}>{hook.active ? t('admin.webhooks.disable') : t('admin.webhooks.enable')}</Button>
                    <Button size="xs" variant="subtle" aria-expanded={open === hook.id} onClick={() => setOpen(open === hook.id ? null : hook.id)}>
                      {open === hook.id ? t('admin.webhooks.hide_deliveries') : t('admin.webhooks.deliveries')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {open && <Deliveries id={open} />}
    </Stack>
  );
}
