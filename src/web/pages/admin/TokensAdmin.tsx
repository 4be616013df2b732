import { Alert, Button, Code, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { tokenCreate } from '../../../contracts/admin';
import { api, errorMessage } from '../../api/client';
import { applyServerErrors, contractResolver } from '../../api/forms';
import { EmptyState, ErrorAlert } from '../../components/common';
import { useFormat } from '../../i18n/format';
import { useUsers } from './admin-data';
import { QueryLoading } from '../../components/QueryLoading';

interface Token {
  id: string;
  name: string;
  userId: string;
  username?: string;
  createdAt: string;
  revokedAt?: string | null;
  lastUsedAt?: string | null;
}

export default function TokensAdmin() {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api.get<{ items: Token[] }>('/api/v1/tokens') });
  const users = useUsers();
  const [secret, setSecret] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ userId: string | null; name: string }>({ resolver: contractResolver(tokenCreate), defaultValues: { userId: null, name: '' } });
  const create = useMutation({
    mutationFn: (v: { userId: string | null; name: string }) => api.post<Token & { token: string }>('/api/v1/tokens', v),
    onSuccess: (created) => { setSecret(created.token); form.reset(); void client.invalidateQueries({ queryKey: ['tokens'] }); },
    onError: (error) => setFailure(applyServerErrors(error, form.setError) ?? errorMessage(error)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/tokens/${id}`),
    onSettled: () => void client.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const services = (users.data ?? []).filter((u) => u.isServiceAccount && !u.disabled);
  return (
    <Stack>
      <form onSubmit={form.handleSubmit((v) => { setFailure(null); create.mutate(v); })} noValidate>
        <Group align="flex-end" wrap="wrap">
          <Controller control={form.control} name="userId" render={({ field }) => (
            <Select label={t('admin.tokens.service_account')} data={services.map((u) => ({ value: u.id, label: u.username }))} value={field.value} onChange={field.onChange} searchable error={form.formState.errors.userId?.message} w={260} />
          )} />
          <TextInput label={t('admin.tokens.name')} {...form.register('name')} error={form.formState.errors.name?.message} w={260} />
          <Button type="submit" loading={create.isPending}>{t('admin.tokens.create')}</Button>
        </Group>
      </form>
      {services.length === 0 && <Text size="sm" c="dark.4">{t('admin.tokens.no_service_accounts')}</Text>}
      {failure && <Alert color="red" role="alert">{failure}</Alert>}
      {secret && (
        <Alert color="yellow" title={t('admin.tokens.copy_now')} withCloseButton onClose={() => setSecret(null)} closeButtonLabel={t('common.close')}>
          <Code block>{secret}</Code>
        </Alert>
      )}
      <ErrorAlert error={tokens.error ?? revoke.error} />
      <QueryLoading query={tokens} />
      {tokens.data?.items.length === 0 && <EmptyState>{t('admin.tokens.empty')}</EmptyState>}
      <div className="reta-table-wrap">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.tokens.name')}</Table.Th>
              <Table.Th>{t('admin.tokens.service_account')}</Table.Th>
              <Table.Th>{t('admin.tokens.created')}</Table.Th>
              <Table.Th>{t('admin.tokens.last_used')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(tokens.data?.items ?? []).map((tok) => (
              <Table.Tr key={tok.id}>
                <Table.Td>{tok.name}</Table.Td>
                <Table.Td>{tok.username ?? tok.userId}</Table.Td>
                <Table.Td>{f.date(tok.createdAt)}</Table.Td>
                <Table.Td>{f.date(tok.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {tok.revokedAt ? t('admin.tokens.revoked', { date: f.date(tok.revokedAt) }) : (
                    <Button size="xs" variant="light" color="#b42318" onClick={() => revoke.mutate(tok.id)}>{t('admin.tokens.revoke')}</Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}
