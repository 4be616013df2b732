import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { preventionCreate } from '../../../contracts/prevention';
import { preventionAudiences } from '../../../core/codes';
import { api } from '../../api/client';
import { useContractForm } from '../../api/use-contract-form';
import { usePagedList } from '../../api/use-paged-list';
import { useSession } from '../../api/session';
import { PageHeader } from '../../components/common';
import { useCreateDrawer } from '../../components/CreateDrawer';
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
  const { query, paging } = usePagedList<Activity>('prevention', '/api/v1/prevention/activities');
  const create = useCreateDrawer({ label: t('prevention.new'), allowed: can('prevention.write'), form: (done) => <ActivityForm onDone={done} /> });
  const columns: Column<Activity>[] = [
    { key: 'date', header: t('prevention.date'), cell: (a) => f.date(a.activityDate) },
    { key: 'type', header: t('prevention.type'), cell: (a) => f.code('preventionTypes', a.type) },
    { key: 'title', header: t('prevention.title_field'), cell: (a) => a.title ?? '—' },
    { key: 'audiences', header: t('prevention.audiences'), cell: (a) => f.codes('preventionAudiences', a.audiences) },
    { key: 'participants', header: t('prevention.participants'), cell: (a) => f.number(a.participantsTotal) },
  ];
  return (
    <>
      <PageHeader title={t('prevention.page_title')} description={t('prevention.help')} actions={create.button} />
      <RecordTable
        striped
        columns={columns}
        rows={query.data?.items}
        rowKey={(a) => a.id}
        query={query}
        empty={t('prevention.empty')}
        paging={paging}
      />
      {create.drawer}
    </>
  );
}
