import { Alert, Button, Drawer, Group, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { institutionCreate } from '../../../contracts/admin';
import { api, errorMessage } from '../../api/client';
import { applyServerErrors, contractResolver } from '../../api/forms';
import { CodeSelect, EmptyState, ErrorAlert } from '../../components/common';
import { UbigeoPicker } from '../../components/UbigeoPicker';
import { useFormat } from '../../i18n/format';
import { useInstitutions, type Institution } from './admin-data';
import { QueryLoading } from '../../components/QueryLoading';

interface Values {
  code: string;
  name: string;
  kind: string | null;
  ubigeo: string | null;
}

function InstitutionForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: contractResolver(institutionCreate), defaultValues: { code: '', name: '', kind: null, ubigeo: null } });
  const save = useMutation({
    mutationFn: (values: Values) => api.post<Institution>('/api/v1/institutions', values),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['institutions'] }); onDone(); },
    onError: (error) => setFailure(applyServerErrors(error, form.setError) ?? errorMessage(error)),
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
        <TextInput label={t('admin.field.code')} {...form.register('code')} error={e.code?.message} />
        <TextInput label={t('admin.field.name')} {...form.register('name')} error={e.name?.message} />
        <Controller control={form.control} name="kind" render={({ field }) => (
          <CodeSelect list="institutionKinds" label={t('admin.field.kind')} value={field.value} onChange={field.onChange} error={e.kind?.message} />
        )} />
        <Controller control={form.control} name="ubigeo" render={({ field }) => (
          <UbigeoPicker name="institution-ubigeo" value={field.value} onChange={field.onChange} error={e.ubigeo?.message} />
        )} />
        <Group><Button type="submit" loading={save.isPending}>{t('common.create')}</Button></Group>
      </Stack>
    </form>
  );
}

export default function InstitutionsAdmin() {
  const { t } = useTranslation();
  const f = useFormat();
  const institutions = useInstitutions();
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Group justify="flex-end"><Button onClick={() => setCreating(true)}>{t('admin.institutions.new')}</Button></Group>
      <ErrorAlert error={institutions.error} />
      <QueryLoading query={institutions} />
      {institutions.data?.length === 0 && <EmptyState>{t('admin.institutions.empty')}</EmptyState>}
      <div className="reta-table-wrap">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.field.code')}</Table.Th>
              <Table.Th>{t('admin.field.name')}</Table.Th>
              <Table.Th>{t('admin.field.kind')}</Table.Th>
              <Table.Th>{t('admin.field.ubigeo')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(institutions.data ?? []).map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.code}</Table.Td>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td>{f.code('institutionKinds', i.kind)}</Table.Td>
                <Table.Td>{i.ubigeo ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Drawer opened={creating} onClose={() => setCreating(false)} title={t('admin.institutions.new')} position="right" size="md">
        {creating && <InstitutionForm onDone={() => setCreating(false)} />}
      </Drawer>
    </Stack>
  );
}
