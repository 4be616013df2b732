import { Alert, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { eventCreate } from '../../../contracts/justice';
import { appealOutcomes, archiveReasons, decisions } from '../../../core/justice/events';
import { tierCodes } from '../../../core/legal/types';
import { ApiError, errorMessage } from '../../api/client';
import { useNavigate } from 'react-router';
import { createOrQueue } from '../../offline/send';
import { useIdempotencyKey } from '../../api/idempotency';
import { applyServerErrors, contractResolver, errorAt } from '../../api/forms';
import { useSession } from '../../api/session';
import { CodeSelect } from '../../components/common';
import { CountrySelect } from '../../components/CountrySelect';
import { today } from '../cases/case-form';
import { useInstitutions } from '../admin/admin-data';
import { allowedTypes, fieldsByType, type EventField } from './event-fields';

interface Values {
  type: string | null;
  occurredOn: string;
  documentNumber: string;
  prosecutorOffice: string;
  court: string;
  receivingInstitutionId: string | null;
  articles: string[];
  fromArticles: string[];
  toArticles: string[];
  tier: string | null;
  archiveReason: string | null;
  decision: string | null;
  appealOutcome: string | null;
  sentenceYears: number | string;
  sentenceMonths: number | string;
  sentenceEffective: boolean;
  fineAmount: number | string;
  reparationAmount: number | string;
  country: string | null;
}

/** The server's answer to a sentence the clerk should check before it is saved. */
const SENTENCE_WARNING = 'justice.sentence_warning';

const blank = (v: unknown) => v === '' || v === null || v === undefined;

/** The API body: only the fields the chosen type takes, blanks dropped. */
export function toEventBody(v: Values) {
  const fields = new Set<EventField>(v.type ? fieldsByType[v.type] ?? [] : []);
  const arts = (list: string[]) => (list.length ? list.map((number) => ({ number, tier: v.tier ?? undefined })) : undefined);
  const pick = <T,>(name: EventField, value: T) => (fields.has(name) && !blank(value) ? value : undefined);
  return {
    type: v.type ?? undefined,
    occurredOn: v.occurredOn,
    documentNumber: pick('documentNumber', v.documentNumber.trim()),
    prosecutorOffice: pick('prosecutorOffice', v.prosecutorOffice.trim()),
    court: pick('court', v.court.trim()),
    receivingInstitutionId: pick('receivingInstitutionId', v.receivingInstitutionId),
    articles: fields.has('articles') ? arts(v.articles) : undefined,
    fromArticles: fields.has('fromArticles') ? arts(v.fromArticles) : undefined,
    toArticles: fields.has('toArticles') ? arts(v.toArticles) : undefined,
    archiveReason: pick('archiveReason', v.archiveReason),
    decision: pick('decision', v.decision),
    appealOutcome: pick('appealOutcome', v.appealOutcome),
    sentence: fields.has('sentence') && !(blank(v.sentenceYears) && blank(v.sentenceMonths))
      ? { years: Number(v.sentenceYears || 0), months: Number(v.sentenceMonths || 0), effective: v.sentenceEffective } : undefined,
    fineAmount: blank(v.fineAmount) ? undefined : pick('fineAmount', Number(v.fineAmount)),
    reparationAmount: blank(v.reparationAmount) ? undefined : pick('reparationAmount', Number(v.reparationAmount)),
    currency: fields.has('fineAmount') && (!blank(v.fineAmount) || !blank(v.reparationAmount)) ? 'PEN' : undefined,
    country: pick('country', v.country),
  };
}

const defaults: Values = {
  type: null, occurredOn: today(), documentNumber: '', prosecutorOffice: '', court: '', receivingInstitutionId: null, articles: [], fromArticles: [],
  toArticles: [], tier: null, archiveReason: null, decision: null, appealOutcome: null, sentenceYears: '', sentenceMonths: '', sentenceEffective: true,
  fineAmount: '', reparationAmount: '', country: null,
};

/** The tier the defendant's recorded facts require (src/core/legal/aggravation.ts, as the justice view gives it). */
export interface TierSuggestion {
  tier: string;
  reasons: readonly string[];
}

export function EventForm({ caseId, suspectId, onDone, suggestedTier }: { caseId: string; suspectId: string; onDone: () => void; suggestedTier?: TierSuggestion }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const institutions = useInstitutions();
  const [failure, setFailure] = useState<string | null>(null);
  // What the recorded facts require (a victim under 18, a public official…) is said next to the articles and
  // tier: in Peru's law an aggravated form is its own article (129-B), so it is a hint, not a default value.
  const suggested = suggestedTier && suggestedTier.reasons.length ? suggestedTier : undefined;
  const form = useForm<Values>({ defaultValues: defaults, resolver: contractResolver(eventCreate, toEventBody) });
  const type = useWatch({ control: form.control, name: 'type' });
  const fields = new Set(type ? fieldsByType[type] ?? [] : []);
  // One key per form until it is saved: a retry after a lost answer is the same record.
  const idem = useIdempotencyKey();
  const navigate = useNavigate();
  // A sentence below the legal minimum is first refused with a warning; the clerk confirms it or corrects it.
  const [warning, setWarning] = useState<string | null>(null);
  const save = useMutation({
    // With no connection (police-stage events on a kept case) the event waits on this device, with its key.
    mutationFn: ({ values, confirmed }: { values: Values; confirmed: boolean }) =>
      createOrQueue(`/api/v1/cases/${caseId}/suspects/${suspectId}/events`, { ...(toEventBody(values) as Record<string, unknown>), ...(fieldsByType[values.type ?? '']?.includes('sentence') ? { confirmWarnings: confirmed } : {}) }, { idempotencyKey: idem.current(), label: t('offline.queued_item', { what: t('nav.justice') }), entity: { type: 'case', id: caseId } }),
    onSuccess: (sent) => {
      idem.renew();
      setWarning(null);
      void client.invalidateQueries({ queryKey: ['justice', caseId] });
      onDone();
      if (sent.queued) navigate('/offline', { state: { queued: true } });
    },
    onError: (error) => {
      const message = applyServerErrors(error, form.setError) ?? errorMessage(error);
      if (error instanceof ApiError && error.code === SENTENCE_WARNING) setWarning(message); else setFailure(message);
    },
  });
  const err = (n: string) => errorAt(form.formState.errors, n);
  const typeOptions = allowedTypes(can).map((g) => ({
    group: t(`justiceStages.${g.stage}`, { ns: 'codes' }),
    items: g.types.map((ty) => ({ value: ty, label: t(`justiceEventTypes.${ty}`, { ns: 'codes' }) })),
  }));
  const sel = (name: 'archiveReason' | 'decision' | 'appealOutcome' | 'tier', list: string, values: readonly string[], label: string) => (
    <Controller control={form.control} name={name} render={({ field }) => (
      <CodeSelect list={list} values={values} label={label} value={field.value} onChange={field.onChange} error={err(name)} />
    )} />
  );
  const articleInput = (name: 'articles' | 'fromArticles' | 'toArticles', label: string) => (
    <Controller control={form.control} name={name} render={({ field }) => (
      <TagsInput label={label} description={t('justice.form.articles_help')} value={field.value} onChange={field.onChange} error={err(name)} splitChars={[',', ' ']} />
    )} />
  );
  return (
    <form onSubmit={form.handleSubmit((values) => { setFailure(null); setWarning(null); save.mutate({ values, confirmed: false }); })} noValidate data-testid="event-form">
      <Stack gap="sm">
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
        {warning && (
          <Alert color="yellow" role="alert" title={t('justice.form.sentence_warning_title')} data-testid="sentence-warning">
            <Stack gap="xs">
              <Text size="sm">{warning}</Text>
              <Group gap="xs">
                <Button color="yellow.9" onClick={() => form.handleSubmit((values) => save.mutate({ values, confirmed: true }))()} loading={save.isPending}>{t('justice.form.confirm_sentence')}</Button>
                <Button variant="default" onClick={() => { setWarning(null); form.clearErrors(); }}>{t('justice.form.correct_sentence')}</Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Controller control={form.control} name="type" render={({ field }) => (
            <Select label={t('justice.form.type')} data={typeOptions} value={field.value} onChange={field.onChange} searchable error={err('type')} comboboxProps={{ withinPortal: true }} />
          )} />
          <TextInput type="date" label={t('justice.form.occurred_on')} {...form.register('occurredOn')} error={err('occurredOn')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {fields.has('receivingInstitutionId') && (
            <Controller control={form.control} name="receivingInstitutionId" render={({ field }) => (
              <Select label={t('justice.form.receiving_institution')} data={(institutions.data ?? []).filter((i) => ['prosecution', 'judiciary'].includes(i.kind)).map((i) => ({ value: i.id, label: i.name }))}
                value={field.value} onChange={field.onChange} searchable error={err('receivingInstitutionId')} comboboxProps={{ withinPortal: true }} />
            )} />
          )}
          {fields.has('prosecutorOffice') && <TextInput label={t('justice.form.prosecutor_office')} {...form.register('prosecutorOffice')} error={err('prosecutorOffice')} />}
          {fields.has('court') && <TextInput label={t('justice.form.court')} {...form.register('court')} error={err('court')} />}
          {fields.has('documentNumber') && <TextInput label={t('justice.form.document_number')} {...form.register('documentNumber')} error={err('documentNumber')} />}
          {fields.has('decision') && sel('decision', 'decisions', decisions, t('justice.form.decision'))}
          {fields.has('archiveReason') && sel('archiveReason', 'archiveReasons', archiveReasons, t('justice.form.archive_reason'))}
          {fields.has('appealOutcome') && sel('appealOutcome', 'appealOutcomes', appealOutcomes, t('justice.form.appeal_outcome'))}
          {fields.has('country') && (
            <Controller control={form.control} name="country" render={({ field }) => <CountrySelect label={t('justice.form.country')} value={field.value} onChange={field.onChange} error={err('country')} />} />
          )}
        </SimpleGrid>
        {fields.has('articles') && articleInput('articles', t('justice.form.articles'))}
        {fields.has('fromArticles') && articleInput('fromArticles', t('justice.form.from_articles'))}
        {fields.has('toArticles') && articleInput('toArticles', t('justice.form.to_articles'))}
        {(fields.has('articles') || fields.has('toArticles')) && sel('tier', 'tiers', tierCodes, t('justice.form.tier'))}
        {(fields.has('articles') || fields.has('toArticles')) && suggested && (
          <Text size="xs" c="dark.4" data-testid="tier-suggestion">
            {t('justice.form.tier_suggested', { tier: t(`tiers.${suggested.tier}`, { ns: 'codes' }), reasons: suggested.reasons.map((r) => t(`aggravationReasons.${r}`, { ns: 'codes' })).join(', ') })}
          </Text>
        )}
        {fields.has('sentence') && (
          <Group align="flex-end">
            <Controller control={form.control} name="sentenceYears" render={({ field }) => <NumberInput label={t('justice.form.sentence_years')} value={field.value} onChange={field.onChange} min={0} max={99} w={140} error={err('sentence.years') ?? err('sentence')} />} />
            <Controller control={form.control} name="sentenceMonths" render={({ field }) => <NumberInput label={t('justice.form.sentence_months')} value={field.value} onChange={field.onChange} min={0} max={11} w={140} error={err('sentence.months')} />} />
            <Checkbox label={t('justice.form.effective')} {...form.register('sentenceEffective')} mb={8} />
          </Group>
        )}
        {fields.has('fineAmount') && (
          <Group>
            <Controller control={form.control} name="fineAmount" render={({ field }) => <NumberInput label={t('justice.form.fine')} value={field.value} onChange={field.onChange} min={0} decimalScale={2} w={200} />} />
            <Controller control={form.control} name="reparationAmount" render={({ field }) => <NumberInput label={t('justice.form.reparation')} value={field.value} onChange={field.onChange} min={0} decimalScale={2} w={200} />} />
          </Group>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>{t('justice.form.submit')}</Button>
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
