import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenCreate } from '../../../contracts/admin';
import type { ResponseOf } from '../../../contracts/endpoints/endpoint';
import type { adminEndpoints } from '../../../contracts/endpoints/admin';
import { api } from '../../api/endpoints';
import { useContractForm } from '../../api/use-contract-form';
import { ErrorAlert } from '../../components/common';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';
import { useUsers } from './admin-data';

type Token = ResponseOf<typeof adminEndpoints.tokens.list>['items'][number];
interface Values {
  userId: string | null;
  name: string;
}

export default function TokensAdmin() {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api.admin.tokens.list() });
  const users = useUsers();
  const [secret, setSecret] = useState<string | null>(null);
  const { form, submit, fail, summary } = useContractForm<Values>({ schema: tokenCreate, defaultValues: { userId: null, name: '' } });
  const create = useMutation({
    // The values reached here through the contract (useContractForm), so the service account is set.
    mutationFn: (v: Values) => api.admin.tokens.create(v as Parameters<typeof api.admin.tokens.create>[0]),
    onSuccess: (created) => { setSecret(created.token); form.reset(); void client.invalidateQueries({ queryKey: ['tokens'] }); },
    onError: fail,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.admin.tokens.revoke({ id }),
    onSettled: () => void client.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const services = (users.data ?? []).filter((u) => u.isServiceAccount && !u.disabled);
  const { control, formState: { errors } } = form;
  const columns: Column<Token>[] = [
    { key: 'name', header: t('admin.tokens.name'), cell: (tok) => tok.name },
    { key: 'account', header: t('admin.tokens.service_account'), cell: (tok) => tok.username ?? tok.userId },
    { key: 'created', header: t('admin.tokens.created'), cell: (tok) => f.date(tok.createdAt) },
    { key: 'lastUsed', header: t('admin.tokens.last_used'), cell: (tok) => f.date(tok.lastUsedAt) },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (tok) => (tok.revokedAt ? t('admin.tokens.revoked', { date: f.date(tok.revokedAt) }) : (
        <Button size="xs" variant="light" color="#b42318" onClick={() => revoke.mutate(tok.id)}>{t('admin.tokens.revoke')}</Button>
      )),
    },
  ];
  return (
    <Stack>
      <form onSubmit={submit((v) => create.mutate(v))} noValidate>
        <ErrorSummary {...summary} />
        <Group align="flex-end" wrap="wrap">
          <SelectField control={control} errors={errors} name="userId" label={t('admin.tokens.service_account')} data={services.map((u) => ({ value: u.id, label: u.username }))} clearable={false} />
          <TextField control={control} errors={errors} name="name" label={t('admin.tokens.name')} />
          <Button type="submit" loading={create.isPending}>{t('admin.tokens.create')}</Button>
        </Group>
      </form>
      {services.length === 0 && <Text size="sm" c="dark.4">{t('admin.tokens.no_service_accounts')}</Text>}
      {secret && (
        <Alert color="yellow" title={t('admin.tokens.copy_now')} withCloseButton onClose={() => setSecret(null)} closeButtonLabel={t('common.close')}>
          <Code block>{secret}</Code>
        </Alert>
      )}
      <ErrorAlert error={revoke.error} />
      <RecordTable columns={columns} rows={tokens.data?.items} rowKey={(tok) => tok.id} query={tokens} empty={t('admin.tokens.empty')} striped />
    </Stack>
  );
}
