import { Button, Drawer, Group, SimpleGrid, Stack } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { preventionCreate } from '../../../contracts/prevention';
import { preventionAudiences } from '../../../core/codes';
import { api } from '../../api/client';
import { useContractForm } from '../../api/use-contract-form';
import { useSession } from '../../api/session';
import { PageHeader } from '../../components/common';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CodeField, CodesField, DateField, NumberField, TextField, UbigeoField } from '../../components/fields';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';
import { today } from '../cases/case-form';

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
  const { form, submit, fail, summary } = useContractForm<Values>({
    schema: preventionCreate,
    defaultValues: { activityDate: today(), audiences: [], participantsTotal: 0, participantsFemale: 0, participantsMale: 0, participantsUnknown: 0 },
  });
  const save = useMutation({
    mutationFn: (v: Values) => api.post('/api/v1/prevention/activities', v),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['prevention'] }); onDone(); },
    onError: fail,
  });
  const p = { control: form.control, errors: form.formState.errors };
  return (
    <form onSubmit={submit((v) => save.mutate(v))} noValidate>
      <Stack>
        <ErrorSummary {...summary} />
        <DateField {...p} name="activityDate" label={t('prevention.date')} />
        <CodeField {...p} name="type" list="preventionTypes" label={t('prevention.type')} />
        <TextField {...p} name="title" label={t('prevention.title_field')} />
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
  const columns: Column<Activity>[] = [
    { key: 'date', header: t('prevention.date'), cell: (a) => f.date(a.activityDate) },
    { key: 'type', header: t('prevention.type'), cell: (a) => f.code('preventionTypes', a.type) },
    { key: 'title', header: t('prevention.title_field'), cell: (a) => a.title ?? '—' },
    { key: 'audiences', header: t('prevention.audiences'), cell: (a) => f.codes('preventionAudiences', a.audiences) },
    { key: 'participants', header: t('prevention.participants'), cell: (a) => f.number(a.participantsTotal) },
  ];
  return (
    <>
      <PageHeader title={t('prevention.page_title')} description={t('prevention.help')} actions={can('prevention.write') && <Button onClick={() => setCreating(true)}>{t('prevention.new')}</Button>} />
      <RecordTable
        striped
        columns={columns}
        rows={query.data?.items}
        rowKey={(a) => a.id}
        query={query}
        empty={t('prevention.empty')}
        paging={query.data && { kind: 'offset', page, pageSize: PAGE_SIZE, total: query.data.total, onChange: setPage }}
      />
      <Drawer opened={creating} onClose={() => setCreating(false)} title={t('prevention.new')} position="right" size="md">
        {creating && <ActivityForm onDone={() => setCreating(false)} />}
      </Drawer>
    </>
  );
}
