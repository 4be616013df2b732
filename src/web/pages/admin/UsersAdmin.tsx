import { Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { userCreate } from '../../../contracts/admin';
import { peruDepartments } from '../../../core/geo/departments';
import { roles } from '../../../core/permissions';
import { api } from '../../api/endpoints';
import { useContractForm } from '../../api/use-contract-form';
import { ErrorAlert } from '../../components/common';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, CodesField, MultiSelectField, PasswordField, SelectField, TextField } from '../../components/fields';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';
import { useInstitutions, useUnits, useUsers, type User } from './admin-data';

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
  const { form, submit, fail, summary } = useContractForm<Values>({
    schema: userCreate,
    prepare,
    defaultValues: { username: '', displayName: '', institutionId: null, unitId: null, roles: [], scope: { national: false, departments: [] }, password: '', isServiceAccount: false },
  });
  const [institutionId, national, service] = useWatch({ control: form.control, name: ['institutionId', 'scope.national', 'isServiceAccount'] });
  const units = useUnits(institutionId);
  // A unit belongs to one institution: choosing another institution clears it.
  const { setValue } = form;
  useEffect(() => setValue('unitId', null), [institutionId, setValue]);
  const save = useMutation({
    // The values reached here through the contract (useContractForm), so the institution is set.
    mutationFn: (values: Values) => api.admin.users.create(prepare(values) as Parameters<typeof api.admin.users.create>[0]),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['users'] }); onDone(); },
    onError: fail,
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={submit((v) => save.mutate(v))} noValidate>
        <Stack>
          <ErrorSummary {...summary} />
          <TextField<Values> name="username" label={t('admin.field.username')} description={t('admin.users.username_help')} />
          <TextField<Values> name="displayName" label={t('admin.field.display_name')} />
          <SelectField<Values> name="institutionId" label={t('admin.field.institution')} data={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))} clearable={false} />
          <SelectField<Values> name="unitId" label={t('admin.field.unit')} data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} disabled={!institutionId} />
          <CodesField<Values> name="roles" list="roles" values={roles} label={t('admin.field.roles')} />
          <CheckboxField name="scope.national" label={t('admin.users.national')} />
          {!national && <MultiSelectField<Values> name="scope.departments" label={t('admin.users.departments')} data={peruDepartments.map((d) => ({ value: d.code, label: d.name }))} />}
          <CheckboxField name="isServiceAccount" label={t('admin.users.service_account')} description={t('admin.users.service_account_help')} />
          {!service && <PasswordField<Values> name="password" label={t('admin.users.first_password')} description={t('admin.users.first_password_help')} />}
          <Group><Button type="submit" loading={save.isPending}>{t('common.create')}</Button></Group>
        </Stack>
      </form>
    </FormProvider>
  );
}

function UserActions({ user }: { user: User }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => api.admin.users.update({ id: user.id }, { disabled: !user.disabled, version: user.version }),
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
  const columns: Column<User>[] = [
    { key: 'username', header: t('admin.field.username'), cell: (u) => u.username },
    { key: 'displayName', header: t('admin.field.display_name'), cell: (u) => u.displayName },
    { key: 'institution', header: t('admin.field.institution'), cell: (u) => nameOf(u.institutionId) },
    { key: 'roles', header: t('admin.field.roles'), cell: (u) => f.codes('roles', u.roles) },
    {
      key: 'state',
      header: t('admin.field.state'),
      cell: (u) => (
        <>
          {u.disabled ? <Badge color="gray.7">{t('admin.users.disabled')}</Badge> : <Badge color="#1e6b34">{t('admin.users.active')}</Badge>}
          {u.isServiceAccount && <Badge ml={4} color="indigo.8">{t('admin.users.service')}</Badge>}
        </>
      ),
    },
    { key: 'actions', header: t('common.actions'), cell: (u) => <UserActions user={u} /> },
  ];
  return (
    <Stack>
      <RecordTable
        testId="users-table"
        columns={columns}
        rows={users.data}
        rowKey={(u) => u.id}
        query={users}
        empty={t('admin.users.empty')}
        striped
        toolbar={<Group justify="flex-end" w="100%"><Button onClick={() => setCreating(true)}>{t('admin.users.new')}</Button></Group>}
      />
      <Drawer opened={creating} onClose={() => setCreating(false)} title={t('admin.users.new')} position="right" size="md">
        {creating && <UserForm onDone={() => setCreating(false)} />}
      </Drawer>
    </Stack>
  );
}
