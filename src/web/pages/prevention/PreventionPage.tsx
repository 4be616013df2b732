import { Alert, Button, Drawer, Group, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { preventionCreate } from '../../../contracts/prevention';
import { preventionAudiences } from '../../../core/codes';
import { api, errorMessage } from '../../api/client';
import { applyServerErrors, contractResolver, errorAt } from '../../api/forms';
import { useSession } from '../../api/session';
import { EmptyState, ErrorAlert, PageHeader } from '../../components/common';
import { CodeField, CodesField, DateField, NumberField, UbigeoField } from '../../components/fields';
import { Pager } from '../../components/Pager';
import { useFormat } from '../../i18n/format';
import { today } from '../cases/case-form';
import { QueryLoading } from '../../components/QueryLoading';

type Values = z.input<typeof preventionCreate>;
interface Activity {
  id: string;
  activityDate: string;
  type: string;
  title: string | null;
  audiences: string[];
  ubigeo: string;
  participantsTotal: number;
}
const PAGE_SIZE = 25;

function ActivityForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: contractResolver(preventionCreate),
    defaultValues: { activityDate: today(), audiences: [], participantsTotal: 0, participantsFemale: 0, participantsMale: 0, participantsUnknown: 0 },
  });
  const save = useMutation({
    mutationFn: (v: Values) => api.post('/api/v1/prevention/activities', v),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['prevention'] }); onDone(); },
    onError: (error) => setFailure(applyServerErrors(error, form.setError) ?? errorMessage(error)),
  });
  const p = { control: form.control, errors: form.formState.errors };
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
        <DateField {...p} name="activityDate" label={t('prevention.date')} />
        <CodeField {...p} name="type" list="preventionTypes" label={t('prevention.type')} />
        <TextInput label={t('prevention.title_field')} {...form.register('title')} error={errorAt(form.formState.errors, 'title')} />
        <CodesField {...p} name="audiences" list="preventionAudiences" values={preventionAudiences} label={t('prevention.audiences')} />
        <UbigeoField {...p} name="ubigeo" />
        <SimpleGrid cols={2} spacing="xs">
          <NumberField {...p} name="participantsTotal" label={t('prevention.participants')} />
          <NumberField {...p} name="participantsFemale" label={t('prevention.female')} />
          <NumberField {...p} name="participantsMale" label={t('prevention.male')} />
          <NumberField {...p} name="participantsUnknown" label={t('prevention.unknown')} />
        </SimpleGrid>
        <Group><Button type="submit" loading={save.isPending}>{t('common.save')}</Button></Group>
      </Stack>
    </form>
  );
}

export default function PreventionPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: ['prevention', page],
    queryFn: () => api.get<{ items: Activity[]; total: number }>('/api/v1/prevention/activities', { query: { page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={t('prevention.page_title')} description={t('prevention.help')} actions={can('prevention.write') && <Button onClick={() => setCreating(true)}>{t('prevention.new')}</Button>} />
      <ErrorAlert error={query.error} />
      <QueryLoading query={query} />
      {query.data?.items.length === 0 ? <EmptyState>{t('prevention.empty')}</EmptyState> : (
        <div className="reta-table-wrap">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prevention.date')}</Table.Th>
                <Table.Th>{t('prevention.type')}</Table.Th>
                <Table.Th>{t('prevention.title_field')}</Table.Th>
                <Table.Th>{t('prevention.audiences')}</Table.Th>
                <Table.Th>{t('prevention.participants')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(query.data?.items ?? []).map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{f.date(a.activityDate)}</Table.Td>
                  <Table.Td>{f.code('preventionTypes', a.type)}</Table.Td>
                  <Table.Td>{a.title ?? '—'}</Table.Td>
                  <Table.Td>{f.codes('preventionAudiences', a.audiences)}</Table.Td>
                  <Table.Td>{f.number(a.participantsTotal)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {query.data && <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={setPage} />}
      <Drawer opened={creating} onClose={() => setCreating(false)} title={t('prevention.new')} position="right" size="md">
        {creating && <ActivityForm onDone={() => setCreating(false)} />}
      </Drawer>
    </>
  );
}
