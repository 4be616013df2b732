import { Alert, Badge, Button, Checkbox, Drawer, Group, MultiSelect, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { userCreate } from '../../../contracts/admin';
import { peruDepartments } from '../../../core/geo/departments';
import { roles } from '../../../core/permissions';
import { api, errorMessage } from '../../api/client';
import { applyServerErrors, contractResolver, errorAt } from '../../api/forms';
import { CodeMultiSelect, EmptyState, ErrorAlert } from '../../components/common';
import { useFormat } from '../../i18n/format';
import { useInstitutions, useUnits, useUsers, type User } from './admin-data';
import { QueryLoading } from '../../components/QueryLoading';

interface Values {
  username: string;
  displayName: string;
  institutionId: string | null;
  unitId: string | null;
  roles: string[];
  scope: { national: boolean; departments: string[] };
  password: string;
  isServiceAccount: boolean;
}

const prepare = (v: Values) => ({ ...v, password: v.isServiceAccount ? undefined : v.password });

function UserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const institutions = useInstitutions();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: contractResolver(userCreate, prepare),
    defaultValues: { username: '', displayName: '', institutionId: null, unitId: null, roles: [], scope: { national: false, departments: [] }, password: '', isServiceAccount: false },
  });
  const [institutionId, national, service] = useWatch({ control: form.control, name: ['institutionId', 'scope.national', 'isServiceAccount'] });
  const units = useUnits(institutionId);
  const save = useMutation({
    mutationFn: (values: Values) => api.post('/api/v1/users', prepare(values)),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['users'] }); onDone(); },
    onError: (error) => setFailure(applyServerErrors(error, form.setError) ?? errorMessage(error)),
  });
  const err = (name: string) => errorAt(form.formState.errors, name);
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
        <TextInput label={t('admin.field.username')} description={t('admin.users.username_help')} {...form.register('username')} error={err('username')} />
        <TextInput label={t('admin.field.display_name')} {...form.register('displayName')} error={err('displayName')} />
        <Controller control={form.control} name="institutionId" render={({ field }) => (
          <Select label={t('admin.field.institution')} data={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))} value={field.value} onChange={(v) => { field.onChange(v); form.setValue('unitId', null); }} searchable error={err('institutionId')} />
        )} />
        <Controller control={form.control} name="unitId" render={({ field }) => (
          <Select label={t('admin.field.unit')} data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} value={field.value} onChange={field.onChange} clearable searchable disabled={!institutionId} error={err('unitId')} />
        )} />
        <Controller control={form.control} name="roles" render={({ field }) => (
          <CodeMultiSelect list="roles" values={roles} label={t('admin.field.roles')} value={field.value} onChange={field.onChange} error={err('roles')} />
        )} />
        <Checkbox label={t('admin.users.national')} {...form.register('scope.national')} />
        {!national && (
          <Controller control={form.control} name="scope.departments" render={({ field }) => (
            <MultiSelect label={t('admin.users.departments')} data={peruDepartments.map((d) => ({ value: d.code, label: d.name }))} value={field.value} onChange={field.onChange} searchable error={err('scope.departments')} />
          )} />
        )}
        <Checkbox label={t('admin.users.service_account')} description={t('admin.users.service_account_help')} {...form.register('isServiceAccount')} />
        {!service && <PasswordInput label={t('admin.users.first_password')} description={t('admin.users.first_password_help')} {...form.register('password')} error={err('password')} autoComplete="new-password" />}
        <Group><Button type="submit" loading={save.isPending}>{t('common.create')}</Button></Group>
      </Stack>
    </form>
  );
}

function UserActions({ user }: { user: User }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => api.patch(`/api/v1/users/${user.id}`, { disabled: !user.disabled, version: user.version }),
    onSettled: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <Group gap="xs">
      <Button size="xs" variant="light" color={user.disabled ? '#1e6b34' : '#b42318'} onClick={() => toggle.mutate()} loading={toggle.isPending}>
        {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
      </Button>
      {toggle.error && <ErrorAlert error={toggle.error} />}
      {!user.isServiceAccount && <ResetSecondFactor user={user} />}
    </Group>
  );
}

/** Removes a user's second factor (lost phone): two clicks, audited on the server; the user enrols again. */
function ResetSecondFactor({ user }: { user: User }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation({ mutationFn: () => api.delete(`/api/v1/users/${user.id}/second-factor`), onSettled: () => setConfirming(false) });
  if (reset.isSuccess) return <Text size="xs" role="status">{t('admin.users.reset_2fa_done')}</Text>;
  return (
    <>
      <Button size="xs" variant={confirming ? 'filled' : 'light'} color="#b42318" loading={reset.isPending} onClick={() => (confirming ? reset.mutate() : setConfirming(true))}>
        {confirming ? t('admin.users.reset_2fa_confirm') : t('admin.users.reset_2fa')}
      </Button>
      {reset.error && <ErrorAlert error={reset.error} />}
    </>
  );
}

export default function UsersAdmin() {
  const { t } = useTranslation();
  const f = useFormat();
  const users = useUsers();
  const institutions = useInstitutions();
  const [creating, setCreating] = useState(false);
  const nameOf = (id: string) => institutions.data?.find((i) => i.id === id)?.name ?? '—';
  return (
    <Stack>
      <Group justify="flex-end"><Button onClick={() => setCreating(true)}>{t('admin.users.new')}</Button></Group>
      <ErrorAlert error={users.error} />
      <QueryLoading query={users} />
      {users.data?.length === 0 && <EmptyState>{t('admin.users.empty')}</EmptyState>}
      <div className="reta-table-wrap">
        <Table striped data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.field.username')}</Table.Th>
              <Table.Th>{t('admin.field.display_name')}</Table.Th>
              <Table.Th>{t('admin.field.institution')}</Table.Th>
              <Table.Th>{t('admin.field.roles')}</Table.Th>
              <Table.Th>{t('admin.field.state')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{nameOf(u.institutionId)}</Table.Td>
                <Table.Td>{f.codes('roles', u.roles)}</Table.Td>
                <Table.Td>
                  {u.disabled ? <Badge color="gray.7">{t('admin.users.disabled')}</Badge> : <Badge color="#1e6b34">{t('admin.users.active')}</Badge>}
                  {u.isServiceAccount && <Badge ml={4} color="indigo.8">{t('admin.users.service')}</Badge>}
                </Table.Td>
                <Table.Td><UserActions user={u} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Drawer opened={creating} onClose={() => setCreating(false)} title={t('admin.users.new')} position="right" size="md">
        {creating && <UserForm onDone={() => setCreating(false)} />}
      </Drawer>
    </Stack>
  );
}
