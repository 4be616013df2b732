import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { operationCreate, type operationView } from '../../../contracts/operations';
import { peruDepartments } from '../../../core/geo/departments';
import { useNavigate } from 'react-router';
import { createOrQueue } from '../../offline/send';
import { useIdempotencyKey } from '../../api/idempotency';
import { useContractForm } from '../../api/use-contract-form';
import { usePagedList } from '../../api/use-paged-list';
import { useSession } from '../../api/session';
import { PageHeader } from '../../components/common';
import { useCreateDrawer } from '../../components/CreateDrawer';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CodeField, DateField, NumberField, UbigeoField } from '../../components/fields';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';
import { today } from '../cases/case-form';

type Operation = z.infer<typeof operationView>;
type Values = z.input<typeof operationCreate>;

function OperationForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { form, submit, fail, summary } = useContractForm<Values>({
    schema: operationCreate,
    defaultValues: { operationDate: today(), type: undefined, ubigeo: undefined, personsFound: 0, minorsFound: 0, victimsIdentified: 0, arrests: 0 },
  });
  // One key per form until it is saved: a retry after a lost answer is the same record.
  const idem = useIdempotencyKey();
  const navigate = useNavigate();
  const save = useMutation({
    // With no connection the operation or inspection waits on this device and is sent when it returns.
    mutationFn: (v: Values) => createOrQueue('/api/v1/operations', v as unknown as Record<string, unknown>, { idempotencyKey: idem.current(), label: t('offline.queued_item', { what: t('nav.operations') }) }),
    onSuccess: (sent) => {
      idem.renew();
      void client.invalidateQueries({ queryKey: ['operations'] });
      onDone();
      if (sent.queued) navigate('/offline', { state: { queued: true } });
    },
    onError: fail,
  });
  const p = { control: form.control, errors: form.formState.errors };
  return (
    <form onSubmit={submit((v) => save.mutate(v))} noValidate>
      <Stack>
        <ErrorSummary {...summary} />
        <DateField {...p} name="operationDate" label={t('operations.date')} />
        <CodeField {...p} name="type" list="operationTypes" label={t('operations.type')} />
        <UbigeoField {...p} name="ubigeo" />
        <SimpleGrid cols={2} spacing="xs">
          <NumberField {...p} name="personsFound" label={t('operations.persons_found')} />
          <NumberField {...p} name="minorsFound" label={t('operations.minors_found')} />
          <NumberField {...p} name="victimsIdentified" label={t('operations.victims_identified')} />
          <NumberField {...p} name="arrests" label={t('operations.arrests')} />
        </SimpleGrid>
        <Group><Button type="submit" loading={save.isPending}>{t('common.save')}</Button></Group>
      </Stack>
    </form>
  );
}

export default function OperationsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const { query, paging } = usePagedList<Operation>('operations', '/api/v1/operations', { sort: '-operationDate' });
  const create = useCreateDrawer({ label: t('operations.new'), allowed: can('operation.write'), form: (done) => <OperationForm onDone={done} /> });
  const dep = (code: string) => peruDepartments.find((d) => d.code === code)?.name ?? code;
  const columns: Column<Operation>[] = [
    { key: 'date', header: t('operations.date'), cell: (o) => f.date(o.operationDate) },
    { key: 'type', header: t('operations.type'), cell: (o) => f.code('operationTypes', o.type) },
    { key: 'department', header: t('ubigeo.department'), cell: (o) => dep(o.placeDepartment) },
    { key: 'persons', header: t('operations.persons_found'), cell: (o) => f.number(o.personsFound) },
    { key: 'minors', header: t('operations.minors_found'), cell: (o) => f.number(o.minorsFound) },
    { key: 'victims', header: t('operations.victims_identified'), cell: (o) => f.number(o.victimsIdentified) },
    { key: 'arrests', header: t('operations.arrests'), cell: (o) => f.number(o.arrests) },
  ];
  return (
    <>
      <PageHeader title={t('operations.title')} description={t('operations.help')} actions={create.button} />
      <RecordTable
        striped
        columns={columns}
        rows={query.data?.items}
        rowKey={(o) => o.id}
        query={query}
        empty={t('operations.empty')}
        paging={paging}
      />
      {create.drawer}
    </>
  );
}
