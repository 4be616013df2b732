import { Alert, Button, Fieldset, Loader, Grid, Group, Paper, SegmentedControl, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, FormProvider, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { caseCreate, type CaseView } from '../../../contracts/cases';
import { ageGroupOf } from '../../../core/age';
import { evaluatePalermo } from '../../../core/palermo';
import { ApiError, isNetworkError } from '../../api/client';
import { errorAt } from '../../api/forms';
import { useContractForm } from '../../api/use-contract-form';
import { useSession } from '../../api/session';
import { PageHeader } from '../../components/common';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CountryMultiSelect } from '../../components/CountrySelect';
import { clearDraft, emptyCase, emptySuspect, emptyVictim, loadDraft, newDraftKey, saveDraft, toCaseCreate, victimAge, type CaseFormValues, type StoredDraft } from './case-form';
import { createOrQueue } from '../../offline/send';
import { CheckboxField, CodeSelectField } from '../../components/fields';
import { PalermoPanel } from './PalermoPanel';
import { SuspectCard, VictimCard } from './PersonFields';
import { PlacesSection } from './PlacesSection';
import { ElementsSection } from './ElementsSection';
import { PartialDateField } from '../../components/PartialDateInput';

/** Enter in a text field never sends the form (only the submit button does); text areas keep their new lines. */
function keepEnterInFields(event: React.KeyboardEvent<HTMLFormElement>) {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
}

/**
 * Means and forms of exploitation per victim follow the case's selection until the user changes them for
 * that victim (asked once, editable per victim). Not on the first render: a restored draft keeps its own.
 */
function useVictimDefaultsFromCase(form: ReturnType<typeof useForm<CaseFormValues>>, purposes: string[], means: string[]) {
  // By content: watched arrays are new objects on every change of the form.
  const purposesKey = purposes.join(',');
  const meansKey = means.join(',');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const follow = (path: `victims.${number}.exploitationForms` | `victims.${number}.means`, codes: string) => {
      const next = codes ? codes.split(',') : [];
      if (!form.getFieldState(path).isDirty && form.getValues(path).join(',') !== codes) form.setValue(path, next);
    };
    form.getValues('victims').forEach((_, i) => {
      follow(`victims.${i}.exploitationForms`, purposesKey);
      follow(`victims.${i}.means`, meansKey);
    });
  }, [form, purposesKey, meansKey]);
}

/** Saves the form in the encrypted device store 400 ms after each change (not on the first render). */
function useDraft(form: ReturnType<typeof useForm<CaseFormValues>>, submissionKey: string) {
  const values = useWatch({ control: form.control });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => void saveDraft(form.getValues(), submissionKey), 400);
    return () => clearTimeout(timer);
  }, [values, form, submissionKey]);
}

/** The draft is read (and decrypted) from the device store before the form opens with it. */
export default function CaseRegisterPage() {
  const { t } = useTranslation();
  const [restored, setRestored] = useState<StoredDraft | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    void loadDraft().then((draft) => alive && setRestored(draft));
    return () => {
      alive = false;
    };
  }, []);
  if (restored === undefined) return <Loader aria-label={t('common.loading')} />;
  return <CaseRegisterForm restored={restored} />;
}

function CaseRegisterForm({ restored }: { restored: StoredDraft | null }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const withIdentity = can('identity.write');
  const [showRestored, setShowRestored] = useState(Boolean(restored));
  // Kept with the draft until the case is saved: a retry after a lost answer is the same registration.
  const [submissionKey, setSubmissionKey] = useState(() => restored?.idempotencyKey ?? newDraftKey());
  // The error summary takes focus instead of the first field (useContractForm, ErrorSummary).
  const { form, submit: onSubmit, fail, showFailure, failure, summary } = useContractForm<CaseFormValues>({
    schema: caseCreate,
    prepare: (values) => toCaseCreate(values, withIdentity),
    defaultValues: restored?.values ?? emptyCase(),
  });
  useDraft(form, submissionKey);
  const victims = useFieldArray({ control: form.control, name: 'victims' });
  const suspects = useFieldArray({ control: form.control, name: 'suspects' });
  const [acts, means, purposes, victimValues, precision] = useWatch({ control: form.control, name: ['acts', 'means', 'purposes', 'victims', 'factsPrecision'] });
  useVictimDefaultsFromCase(form, purposes, means);
  const palermo = useMemo(
    () => evaluatePalermo({ acts, means, purposes, victims: victimValues.map((v) => ({ ageGroup: ageGroupOf(victimAge(v)), means: v.means })) }),
    [acts, means, purposes, victimValues],
  );

  const create = useMutation({
    // With no connection the registration is queued (encrypted, with its key) and sent when it returns.
    mutationFn: (values: CaseFormValues) => {
      const body = toCaseCreate(values, withIdentity);
      const label = t('offline.queued_case', { victims: body.victims?.length ?? 0, suspects: body.suspects?.length ?? 0 });
      return createOrQueue<CaseView>('/api/v1/cases', body as Record<string, unknown>, { idempotencyKey: submissionKey, label });
    },
    onSuccess: async (sent, values) => {
      await clearDraft();
      if (sent.queued) {
        navigate('/offline', { state: { queued: true } });
        return;
      }
      // What she typed, shown back on the confirmation without asking for a reason (it never leaves this tab).
      navigate(`/cases/${sent.result.id}`, { state: { registered: true, entered: toCaseCreate(values, withIdentity) } });
    },
    onError: (error) => {
      if (isNetworkError(error)) {
        // The draft stays (saved on every change) and so does the key: sending again cannot register it twice.
        void saveDraft(form.getValues(), submissionKey);
        showFailure(t('case.register.offline'));
      } else if (error instanceof ApiError && error.code === 'idempotency.mismatch') {
        showFailure(t('case.register.already_saved_other'));
      } else {
        fail(error);
      }
    },
  });
  const submit = onSubmit((values) => {
    create.mutate(values);
  });
  const err = (name: string) => errorAt(form.formState.errors, name);

  return (
    <FormProvider {...form}>
      <PageHeader title={t('case.register.title')} description={t('case.register.intro')} />
      {showRestored && (
        <Alert color="blue" mb="md" role="status" withCloseButton onClose={() => setShowRestored(false)} closeButtonLabel={t('common.close')}>
          <Group justify="space-between">
            <span>{t('case.register.draft_restored')}</span>
            <Button size="xs" variant="white" onClick={() => { void clearDraft(); setSubmissionKey(newDraftKey()); form.reset(emptyCase()); setShowRestored(false); }}>
              {t('case.register.discard_draft')}
            </Button>
          </Group>
        </Alert>
      )}
      <ErrorSummary {...summary} />
      <form onSubmit={submit} onKeyDown={keepEnterInFields} noValidate>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md">
              <Fieldset legend={t('case.register.section.report')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  <CodeSelectField name="source" list="caseSources" label={t('case.field.source')} clearable={false} />
                  <TextInput type="date" label={t('case.field.reported_on')} {...form.register('reportedOn')} error={err('reportedOn')} />
                </SimpleGrid>
                <Controller
                  control={form.control}
                  name="factsPrecision"
                  render={({ field }) => (
                    <SegmentedControl mt="sm" aria-label={t('case.field.facts_precision')} value={field.value} onChange={field.onChange}
                      data={[{ value: 'exact', label: t('case.field.facts_exact') }, { value: 'approximate', label: t('case.field.facts_approximate') }]} />
                  )}
                />
                {precision === 'exact' ? (
                  <TextInput mt="xs" type="date" label={t('case.field.facts_date')} {...form.register('factsDateFrom')} error={err('factsDateFrom')} maw={260} />
                ) : (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                    <PartialDateField name="factsDateFrom" label={t('case.field.facts_from')} description={t('case.field.partial_date_help')} />
                    <PartialDateField name="factsDateTo" label={t('case.field.facts_to')} description={t('case.field.partial_date_help')} />
                  </SimpleGrid>
                )}
              </Fieldset>
              <ElementsSection />
              <Fieldset legend={t('case.register.section.places')}>
                <PlacesSection />
              </Fieldset>
              <Fieldset legend={t('case.register.section.victims')}>
                <Stack gap="sm">
                  {victims.fields.map((field, index) => (
                    <VictimCard key={field.id} index={index} withIdentity={withIdentity} onRemove={victims.fields.length > 1 ? () => victims.remove(index) : undefined} />
                  ))}
                  <Button variant="light" w="fit-content" onClick={() => victims.append({ ...emptyVictim(), exploitationForms: [...purposes], means: [...means] })}>{t('victim.add')}</Button>
                </Stack>
              </Fieldset>
              <Fieldset legend={t('case.register.section.suspects')}>
                <Stack gap="sm">
                  {suspects.fields.map((field, index) => (
                    <SuspectCard key={field.id} index={index} withIdentity={withIdentity} onRemove={() => suspects.remove(index)} />
                  ))}
                  <Button variant="light" w="fit-content" onClick={() => suspects.append(emptySuspect())}>{t('suspect.add')}</Button>
                </Stack>
              </Fieldset>
              <Fieldset legend={t('case.register.section.more')}>
                <Stack gap="xs">
                  <Group>
                    <CheckboxField name="isInternational" label={t('case.field.is_international')} />
                    <CheckboxField name="organisedCrime" label={t('case.field.organised_crime')} />
                    <CheckboxField name="publicOfficialInvolved" label={t('case.field.public_official')} />
                  </Group>
                  <Controller control={form.control} name="countries" render={({ field }) => (
                    <CountryMultiSelect label={t('case.field.countries')} value={field.value} onChange={field.onChange} error={err('countries')} />
                  )} />
                  <TextInput label={t('case.field.initial_legal_qualification')} {...form.register('initialLegalQualification')} error={err('initialLegalQualification')} />
                  {withIdentity && (
                    <Textarea label={t('case.field.narrative')} description={t('case.field.narrative_help')} autosize minRows={3} {...form.register('narrative')} error={err('narrative')} />
                  )}
                </Stack>
              </Fieldset>
              {failure && <Alert color="red">{failure}</Alert>}
              <Group>
                <Button type="submit" loading={create.isPending}>{t('case.register.submit')}</Button>
                <Button variant="default" onClick={() => navigate('/cases')}>{t('common.cancel')}</Button>
              </Group>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Paper withBorder p="md" pos="sticky" top={72}>
              <PalermoPanel result={palermo} />
            </Paper>
          </Grid.Col>
        </Grid>
      </form>
    </FormProvider>
  );
}

