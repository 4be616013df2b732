import { Button, Drawer, Group, Select, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitCreate } from '../../../contracts/admin';
import { api } from '../../api/endpoints';
import { useContractForm } from '../../api/use-contract-form';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField, UbigeoField } from '../../components/fields';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useInstitutions, useUnits, type Unit } from './admin-data';

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
  const { form, submit, fail, summary } = useContractForm<Values>({ schema: unitCreate, defaultValues: { institutionId, code: '', name: '', ubigeo: null } });
  const save = useMutation({
    // The values reached here through the contract (useContractForm), so the institution is set.
    mutationFn: (values: Values) => api.admin.units.create(values as Parameters<typeof api.admin.units.create>[0]),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['units'] }); onDone(); },
    onError: fail,
  });
  const { control, formState: { errors } } = form;
  return (
    <form onSubmit={submit((v) => save.mutate(v))} noValidate>
      <Stack>
        <ErrorSummary {...summary} />
        <SelectField control={control} errors={errors} name="institutionId" label={t('admin.field.institution')} data={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))} />
        <TextField control={control} errors={errors} name="code" label={t('admin.field.code')} />
        <TextField control={control} errors={errors} name="name" label={t('admin.field.name')} />
        <UbigeoField control={control} errors={errors} name="ubigeo" />
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
  const columns: Column<Unit>[] = [
    { key: 'code', header: t('admin.field.code'), cell: (u) => u.code },
    { key: 'name', header: t('admin.field.name'), cell: (u) => u.name },
    { key: 'institution', header: t('admin.field.institution'), cell: (u) => nameOf(u.institutionId) },
    { key: 'ubigeo', header: t('admin.field.ubigeo'), cell: (u) => u.ubigeo ?? '—' },
  ];
  return (
    <Stack>
      <RecordTable
        columns={columns}
        rows={units.data}
        rowKey={(u) => u.id}
        query={units}
        empty={t('admin.units.empty')}
        striped
        toolbar={
          <Group justify="space-between" align="flex-end" w="100%">
            <Select label={t('admin.field.institution')} data={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))} value={institutionId} onChange={setInstitutionId} clearable searchable w={320} />
            <Button onClick={() => setCreating(true)}>{t('admin.units.new')}</Button>
          </Group>
        }
      />
      <Drawer opened={creating} onClose={() => setCreating(false)} title={t('admin.units.new')} position="right" size="md">
        {creating && <UnitForm institutionId={institutionId} onDone={() => setCreating(false)} />}
      </Drawer>
    </Stack>
  );
}
