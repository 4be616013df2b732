import { Button, Drawer, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { institutionCreate } from '../../../contracts/admin';
import { api } from '../../api/endpoints';
import { useContractForm } from '../../api/use-contract-form';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CodeField, TextField, UbigeoField } from '../../components/fields';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';
import { useInstitutions, type Institution } from './admin-data';

interface Values {
  code: string;
  name: string;
  kind: string | null;
  ubigeo: string | null;
}

function InstitutionForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { form, submit, fail, summary } = useContractForm<Values>({ schema: institutionCreate, defaultValues: { code: '', name: '', kind: null, ubigeo: null } });
  const save = useMutation({
    // The values reached here through the contract (useContractForm), so the kind is set.
    mutationFn: (values: Values) => api.admin.institutions.create(values as Parameters<typeof api.admin.institutions.create>[0]),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['institutions'] }); onDone(); },
    onError: fail,
  });
  const { control, formState: { errors } } = form;
  return (
    <form onSubmit={submit((v) => save.mutate(v))} noValidate>
      <Stack>
        <ErrorSummary {...summary} />
        <TextField control={control} errors={errors} name="code" label={t('admin.field.code')} />
        <TextField control={control} errors={errors} name="name" label={t('admin.field.name')} />
        <CodeField control={control} errors={errors} name="kind" list="institutionKinds" label={t('admin.field.kind')} />
        <UbigeoField control={control} errors={errors} name="ubigeo" />
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
  const columns: Column<Institution>[] = [
    { key: 'code', header: t('admin.field.code'), cell: (i) => i.code },
    { key: 'name', header: t('admin.field.name'), cell: (i) => i.name },
    { key: 'kind', header: t('admin.field.kind'), cell: (i) => f.code('institutionKinds', i.kind) },
    { key: 'ubigeo', header: t('admin.field.ubigeo'), cell: (i) => i.ubigeo ?? '—' },
  ];
  return (
    <Stack>
      <RecordTable
        columns={columns}
        rows={institutions.data}
        rowKey={(i) => i.id}
        query={institutions}
        empty={t('admin.institutions.empty')}
        striped
        toolbar={<Group justify="flex-end" w="100%"><Button onClick={() => setCreating(true)}>{t('admin.institutions.new')}</Button></Group>}
      />
      <Drawer opened={creating} onClose={() => setCreating(false)} title={t('admin.institutions.new')} position="right" size="md">
        {creating && <InstitutionForm onDone={() => setCreating(false)} />}
      </Drawer>
    </Stack>
  );
}
