import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { changedFields, createOrQueue, updateOrQueue } from '../../offline/send';
import { caseUpdate, type CaseView } from '../../../contracts/cases';
import { api, ApiError, errorMessage } from '../../api/client';
import { useIdempotencyKey } from '../../api/idempotency';
import { useContractForm } from '../../api/use-contract-form';
import { useSession } from '../../api/session';
import { useUnits } from '../admin/admin-data';
import { emptyCase, emptySuspect, emptyVictim, toCaseCreate, type CaseFormValues } from './case-form';
import { personContract, preparePerson } from './person-contract';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, CodeMultiField, CodeSelectField, DateField, TextField } from '../../components/fields';
import { SuspectCard, VictimCard } from './PersonFields';
import { PartialDateField } from '../../components/PartialDateInput';

/** A failed write's message: a stale version (409) gets the version-conflict text. */
function failureText(error: unknown, t: (key: string) => string) {
  return error instanceof ApiError && error.status === 409 ? t('common.version_conflict') : errorMessage(error);
}

/** Server field paths (`person.sex`) moved under the form's own (`victims.0.person.sex`). */
function underBase(error: unknown, base: string) {
  if (!(error instanceof ApiError)) return error;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([path, message]) => [`${base}.${path}`, message]));
  return new ApiError(error.status, error.code, error.message, fields);
}

/** Adds one victim or one suspect to an existing case, with the same fields as registration. */
export function AddPersonModal({ c, kind, opened, onClose }: { c: CaseView; kind: 'victim' | 'suspect'; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const withIdentity = can('identity.write');
  const blank = (): CaseFormValues => ({ ...emptyCase(), victims: kind === 'victim' ? [emptyVictim()] : [], suspects: kind === 'suspect' ? [emptySuspect()] : [] });
  const { form, submit, fail, clearFailure, summary } = useContractForm<CaseFormValues>({ schema: personContract[kind], prepare: preparePerson(kind, withIdentity), defaultValues: blank() });
  const base = kind === 'victim' ? 'victims.0' : 'suspects.0';
  const close = () => {
    form.reset(blank());
    clearFailure();
    onClose();
  };
  // One key per form until it is saved: a retry after a lost answer is the same record.
  const idem = useIdempotencyKey();
  const navigate = useNavigate();
  const add = useMutation({
    // With no connection (a case kept on this device) the new person waits in the queue, with its key.
    mutationFn: (values: CaseFormValues) => {
      const body = toCaseCreate(values, withIdentity);
      const person = (kind === 'victim' ? body.victims?.[0] : body.suspects?.[0]) as Record<string, unknown>;
      const label = t('offline.queued_item', { what: `${t(kind === 'victim' ? 'case.actions.add_victim' : 'case.actions.add_suspect')} · ${c.code}` });
      return createOrQueue(`/api/v1/cases/${c.id}/${kind === 'victim' ? 'victims' : 'suspects'}`, person, { idempotencyKey: idem.current(), label, entity: { type: 'case', id: c.id } });
    },
    onSuccess: (sent) => {
      idem.renew();
      void client.invalidateQueries({ queryKey: ['case', c.id] });
      close();
      if (sent.queued) navigate('/offline', { state: { queued: true } });
    },
    onError: (error) => fail(underBase(error, base)),
  });
  return (
    <Modal opened={opened} onClose={close} title={t(kind === 'victim' ? 'case.actions.add_victim' : 'case.actions.add_suspect')} size="xl">
      <FormProvider {...form}>
        <form onSubmit={submit((values) => add.mutate(values))} noValidate data-testid={`add-${kind}-form`}>
          <Stack>
            <ErrorSummary {...summary} />
            {kind === 'victim' ? <VictimCard index={0} withIdentity={withIdentity} /> : <SuspectCard index={0} withIdentity={withIdentity} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              <Button type="submit" loading={add.isPending}>{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </FormProvider>
    </Modal>
  );
}

/** Moves the case to another unit, after saying which one and asking to confirm. */
export function TransferModal({ c, opened, onClose }: { c: CaseView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const units = useUnits();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const options = (units.data ?? []).filter((u) => u.id !== c.unitId).map((u) => ({ value: u.id, label: `${u.code} · ${u.name}` }));
  const chosen = options.find((o) => o.value === unitId);
  const close = () => {
    setUnitId(null);
    setConfirming(false);
    transfer.reset();
    onClose();
  };
  const transfer = useMutation({
    mutationFn: () => api.post<CaseView>(`/api/v1/cases/${c.id}/transfer`, { unitId, version: c.version }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['case', c.id] });
      close();
    },
  });
  return (
    <Modal opened={opened} onClose={close} title={t('case.actions.transfer')}>
      <Stack>
        {!confirming ? (
          <>
            <Select label={t('case.actions.transfer_unit')} data={options} value={unitId} onChange={setUnitId} searchable comboboxProps={{ withinPortal: true }} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              <Button disabled={!unitId} onClick={() => setConfirming(true)}>{t('common.next')}</Button>
            </Group>
          </>
        ) : (
          <>
            <Alert color="yellow" p="xs">
              <Text size="sm">{t('case.actions.transfer_confirm', { code: c.code, unit: chosen?.label ?? '' })}</Text>
            </Alert>
            {transfer.error && <Alert color="red" role="alert">{failureText(transfer.error, t)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>{t('common.back')}</Button>
              <Button color="#b42318" loading={transfer.isPending} onClick={() => transfer.mutate()}>{t('case.actions.transfer_submit')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

interface EditValues {
  source: string | null;
  reportedOn: string;
  factsDateFrom: string;
  factsDateTo: string;
  acts: string[];
  means: string[];
  purposes: string[];
  isInternational: boolean;
  organisedCrime: boolean;
  publicOfficialInvolved: boolean;
  initialLegalQualification: string;
}
const text = (value: string) => (value.trim() ? value.trim() : null);
const toUpdate = (v: EditValues, version: number) => ({
  source: v.source ?? undefined, reportedOn: v.reportedOn, factsDateFrom: text(v.factsDateFrom), factsDateTo: text(v.factsDateTo),
  acts: v.acts, means: v.means, purposes: v.purposes, isInternational: v.isInternational, organisedCrime: v.organisedCrime,
  publicOfficialInvolved: v.publicOfficialInvolved, initialLegalQualification: text(v.initialLegalQualification), version,
});

const formValuesOf = (c: CaseView): EditValues => ({
  source: c.source, reportedOn: c.reportedOn.slice(0, 10), factsDateFrom: c.factsDateFrom ?? '', factsDateTo: c.factsDateTo ?? '', acts: c.acts, means: c.means,
  purposes: c.purposes, isInternational: c.isInternational, organisedCrime: c.organisedCrime, publicOfficialInvolved: c.publicOfficialInvolved,
  initialLegalQualification: c.initialLegalQualification ?? '',
});

/** Edits the case's main fields (PATCH with the version read and the base values of the changed fields). */
export function EditCaseModal({ c, opened, onClose }: { c: CaseView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { form, submit, fail, showFailure, clearFailure, summary } = useContractForm<EditValues>({
    values: formValuesOf(c),
    schema: caseUpdate,
    prepare: (v: EditValues) => toUpdate(v, c.version),
  });
  const close = () => {
    clearFailure();
    onClose();
  };
  const navigate = useNavigate();
  const save = useMutation({
    // Only the changed fields, each with the value it had when the edit started: the server merges them with
    // what others changed meanwhile; with no connection the edit waits on this device (README "Offline work").
    mutationFn: (v: EditValues) => {
      const { version: _before, ...before } = toUpdate(formValuesOf(c), c.version);
      const { version, ...next } = toUpdate(v, c.version);
      const { changes, base } = changedFields(before, next);
      return updateOrQueue<CaseView>(`/api/v1/cases/${c.id}`, changes, base, version, { label: t('offline.edit_case', { code: c.code }), entity: { type: 'case', id: c.id } });
    },
    onSuccess: (sent) => {
      void client.invalidateQueries({ queryKey: ['case', c.id] });
      close();
      if (sent.queued) navigate('/offline', { state: { queued: true } });
    },
    // A field changed by someone else meanwhile, or a stale version: said in the summary; the rest on the fields.
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'record.field_conflict') showFailure(errorMessage(error));
      else if (error instanceof ApiError && error.status === 409) showFailure(t('common.version_conflict'));
      else fail(error);
    },
  });
  return (
    <Modal opened={opened} onClose={close} title={t('case.actions.edit')} size="lg">
      <FormProvider {...form}>
        <form onSubmit={submit((v) => save.mutate(v))} noValidate data-testid="edit-case-form">
          <Stack gap="sm">
            <ErrorSummary {...summary} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <CodeSelectField name="source" list="caseSources" label={t('case.field.source')} clearable={false} />
              <DateField name="reportedOn" label={t('case.field.reported_on')} />
              <PartialDateField name="factsDateFrom" label={t('case.field.facts_from')} description={t('case.field.partial_date_help')} />
              <PartialDateField name="factsDateTo" label={t('case.field.facts_to')} description={t('case.field.partial_date_help')} />
            </SimpleGrid>
            <CodeMultiField name="acts" list="acts" label={t('case.field.acts')} />
            <CodeMultiField name="means" list="means" label={t('case.field.means')} />
            <CodeMultiField name="purposes" list="purposes" label={t('case.field.purposes')} />
            <Group>
              <CheckboxField name="isInternational" label={t('case.field.is_international')} />
              <CheckboxField name="organisedCrime" label={t('case.field.organised_crime')} />
              <CheckboxField name="publicOfficialInvolved" label={t('case.field.public_official')} />
            </Group>
            <TextField name="initialLegalQualification" label={t('case.field.initial_legal_qualification')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </FormProvider>
    </Modal>
  );
}
