import { Alert, Button, Drawer, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { unitCreate } from '../../../contracts/admin';
import { api, errorMessage } from '../../api/client';
import { applyServerErrors, contractResolver } from '../../api/forms';
import { EmptyState, ErrorAlert } from '../../components/common';
import { UbigeoPicker } from '../../components/UbigeoPicker';
import { useInstitutions, useUnits } from './admin-data';
import { QueryLoading } from '../../components/QueryLoading';

interface Values {
  institutionId: string | null;
  code: string;
  name: string;
  ubigeo: string | null;
}

function UnitForm({ institutionId, onDone }: { institutionId: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const institutions = useInstitutions();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: contractResolver(unitCreate), defaultValues: { institutionId, code: '', name: '', ubigeo: null } });
  const save = useMutation({
    mutationFn: (values: Values) => api.post('/api/v1/units', values),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['units'] }); onDone(); },
    onError: (error) => setFailure(applyServerErrors(error, form.setError) ?? errorMessage(error)),
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
        <Controller control={form.control} name="institutionId" render={({ field }) => (
          <Select label={t('admin.field.institution')} data={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))} value={field.value} onChange={field.onChange} searchable error={e.institutionId?.message} />
        )} />
        <TextInput label={t('admin.field.code')} {...form.register('code')} error={e.code?.message} />
        <TextInput label={t('admin.field.name')} {...form.register('name')} error={e.name?.message} />
        <Controller control={form.control} name="ubigeo" render={({ field }) => (
          <UbigeoPicker name="unit-ubigeo" value={field.value} onChange={field.onChange} error={e.ubigeo?.message} />
        )} />
        <Group><Button type="submit" loading={save.isPending}>{t('common.create')}</Button></Group>
      </Stack>
    </form>
  );
}

export default function UnitsAdmin() {
  const { t } = useTranslation();
  const institutions = useInstitutions();
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const units = useUnits(institutionId);
  const [creating, setCreating] = useState(false);
  const nameOf = (id: string) => institutions.data?.find((i) => i.id === id)?.name ?? id;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Select label={t('admin.field.institution')} data={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))} value={institutionId} onChange={setInstitutionId} clearable searchable w={320} />
        <Button onClick={() => setCreating(true)}>{t('admin.units.new')}</Button>
      </Group>
      <ErrorAlert error={units.error} />
      <QueryLoading query={units} />
      {units.data?.length === 0 && <EmptyState>{t('admin.units.empty')}</EmptyState>}
      <div className="reta-table-wrap">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.field.code')}</Table.Th>
              <Table.Th>{t('admin.field.name')}</Table.Th>
              <Table.Th>{t('admin.field.institution')}</Table.Th>
              <Table.Th>{t('admin.field.ubigeo')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(units.data ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.code}</Table.Td>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{nameOf(u.institutionId)}</Table.Td>
                <Table.Td>{u.ubigeo ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Drawer opened={creating} onClose={() => setCreating(false)} title={t('admin.units.new')} position="right" size="md">
        {creating && <UnitForm institutionId={institutionId} onDone={() => setCreating(false)} />}
      </Drawer>
    </Stack>
  );
}
