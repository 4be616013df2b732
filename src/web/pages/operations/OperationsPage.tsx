import { Alert, Button, Drawer, Group, SimpleGrid, Stack, Table } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { operationCreate, type operationView } from '../../../contracts/operations';
import { peruDepartments } from '../../../core/geo/departments';
import { api, errorMessage } from '../../api/client';
import { useNavigate } from 'react-router';
import { createOrQueue } from '../../offline/send';
import { useIdempotencyKey } from '../../api/idempotency';
import { applyServerErrors, contractResolver } from '../../api/forms';
import { useSession } from '../../api/session';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { CodeField, DateField, NumberField, UbigeoField } from '../../components/fields';
import { Pager } from '../../components/Pager';
import { useFormat } from '../../i18n/format';
import { today } from '../cases/case-form';
import { QueryLoading } from '../../components/QueryLoading';

type Operation = z.infer<typeof operationView>;
type Values = z.input<typeof operationCreate>;
const PAGE_SIZE = 25;

function OperationForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: contractResolver(operationCreate),
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
    onError: (error) => setFailure(applyServerErrors(error, form.setError) ?? errorMessage(error)),
  });
  const p = { control: form.control, errors: form.formState.errors };
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
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
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: ['operations', page],
    queryFn: () => api.get<{ items: Operation[]; total: number }>('/api/v1/operations', { query: { page, pageSize: PAGE_SIZE, sort: '-operationDate' } }),
    placeholderData: keepPreviousData,
  });
  const dep = (code: string) => peruDepartments.find((d) => d.code === code)?.name ?? code;
  return (
    <>
      <PageHeader title={t('operations.title')} description={t('operations.help')} actions={can('operation.write') && <Button onClick={() => setCreating(true)}>{t('operations.new')}</Button>} />
      <ErrorAlert error={query.error} />
      <QueryLoading query={query} />
      {query.data?.items.length === 0 ? <EmptyState>{t('operations.empty')}</EmptyState> : (
        <div className="reta-table-wrap">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('operations.date')}</Table.Th>
                <Table.Th>{t('operations.type')}</Table.Th>
                <Table.Th>{t('ubigeo.department')}</Table.Th>
                <Table.Th>{t('operations.persons_found')}</Table.Th>
                <Table.Th>{t('operations.minors_found')}</Table.Th>
                <Table.Th>{t('operations.victims_identified')}</Table.Th>
                <Table.Th>{t('operations.arrests')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(query.data?.items ?? []).map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{f.date(o.operationDate)}</Table.Td>
                  <Table.Td>{f.code('operationTypes', o.type)}</Table.Td>
                  <Table.Td>{dep(o.placeDepartment)}</Table.Td>
                  <Table.Td>{f.number(o.personsFound)}</Table.Td>
                  <Table.Td>{f.number(o.minorsFound)}</Table.Td>
                  <Table.Td>{f.number(o.victimsIdentified)}</Table.Td>
                  <Table.Td>{f.number(o.arrests)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {query.data && <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={setPage} />}
      <Drawer opened={creating} onClose={() => setCreating(false)} title={t('operations.new')} position="right" size="md">
        {creating && <OperationForm onDone={() => setCreating(false)} />}
      </Drawer>
    </>
  );
}
