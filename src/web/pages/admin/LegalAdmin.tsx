import { Badge, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { tierUpdate, type articleView, type regimeView, type tierView } from '../../../contracts/legal';
import { api } from '../../api/client';
import { useContractForm } from '../../api/use-contract-form';
import { ErrorAlert } from '../../components/common';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, NumberField } from '../../components/fields';
import { RecordTable, type Column } from '../../components/RecordTable';
import { useFormat } from '../../i18n/format';

type Regime = z.infer<typeof regimeView>;
type Article = z.infer<typeof articleView>;
type Tier = z.infer<typeof tierView>;

interface TierValues {
  minMonths: number;
  maxMonths: number | string | null | undefined;
  suspensionAllowed: boolean;
  confirmedInPrimarySource: boolean;
  version: number;
}
// An emptied maximum is "no maximum" (null), as the contract says.
const prepareTier = (v: TierValues) => ({ ...v, maxMonths: v.maxMonths === '' || v.maxMonths === null || v.maxMonths === undefined ? null : Number(v.maxMonths) });

function TierForm({ tier, onDone }: { tier: Tier; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { form, submit, fail, summary } = useContractForm<TierValues>({
    schema: tierUpdate,
    prepare: prepareTier,
    defaultValues: { minMonths: tier.minMonths, maxMonths: tier.maxMonths ?? '', suspensionAllowed: tier.suspensionAllowed, confirmedInPrimarySource: tier.confirmedInPrimarySource, version: tier.version },
  });
  const save = useMutation({
    mutationFn: (v: TierValues) => api.patch(`/api/v1/legal/tiers/${tier.id}`, prepareTier(v)),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['legal-articles'] }); onDone(); },
    onError: fail,
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={submit((v) => save.mutate(v))} noValidate>
        <Stack>
          <ErrorSummary {...summary} />
          <NumberField<TierValues> name="minMonths" label={t('admin.legal.min_months')} />
          <NumberField<TierValues> name="maxMonths" label={t('admin.legal.max_months')} />
          <CheckboxField name="suspensionAllowed" label={t('admin.legal.suspension_allowed')} />
          <CheckboxField name="confirmedInPrimarySource" label={t('admin.legal.confirmed')} />
          <Group><Button type="submit" loading={save.isPending}>{t('common.save')}</Button></Group>
        </Stack>
      </form>
    </FormProvider>
  );
}

/** One line of the table: an article with one of its tiers (an article without tiers has one line, `tier` null). */
interface Line {
  article: Article;
  tier: Tier | null;
  first: boolean;
}

export default function LegalAdmin() {
  const { t } = useTranslation();
  const f = useFormat();
  const regimes = useQuery({ queryKey: ['legal-regimes'], queryFn: () => api.get<{ items: Regime[] }>('/api/v1/legal/regimes') });
  const [regime, setRegime] = useState<string | null>(null);
  const articles = useQuery({ queryKey: ['legal-articles', regime], queryFn: () => api.get<{ items: Article[] }>('/api/v1/legal/articles', { query: { regime: regime ?? undefined } }) });
  const [editing, setEditing] = useState<Tier | null>(null);
  // Regimes by their name ("Ley 31146"), never by their code (`law_31146`).
  const regimeName = (code: string) => regimes.data?.items.find((r) => r.code === code)?.name ?? (regimes.isLoading ? '' : code);
  const years = (m: number | null) => (m === null ? '—' : t('admin.legal.years', { years: f.number(m / 12, { maximumFractionDigits: 1 }) }));
  const columns: Column<Line>[] = [
    { key: 'regime', header: t('admin.legal.regime'), cell: (l) => (l.first ? regimeName(l.article.regimeCode) : '') },
    { key: 'article', header: t('admin.legal.article'), cell: (l) => (l.first ? l.article.articleNumber : '') },
    {
      key: 'heading',
      header: t('admin.legal.heading'),
      cell: ({ article: a, first }) => first && (
        <>
          {a.heading ?? a.titleCode}
          {a.isTrafficking && <Badge ml={6} size="xs" color="indigo.8">{t('admin.legal.trafficking')}</Badge>}
          {a.isLesserOffence && <Badge ml={6} size="xs" color="gray.7">{t('admin.legal.lesser')}</Badge>}
        </>
      ),
    },
    { key: 'tier', header: t('admin.legal.tier'), cell: ({ tier }) => (tier ? t(`admin.legal.tiers.${tier.tierCode}`) : '—') },
    {
      key: 'range',
      header: t('admin.legal.range'),
      cell: ({ tier }) => (
        <>
          {tier ? `${years(tier.minMonths)} – ${years(tier.maxMonths)}` : '—'}
          {tier && !tier.confirmedInPrimarySource && <Badge ml={6} size="xs" color="#8a4b00">{t('admin.legal.unconfirmed')}</Badge>}
        </>
      ),
    },
    { key: 'actions', header: t('common.actions'), cell: ({ tier }) => tier && <Button size="xs" variant="light" onClick={() => setEditing(tier)}>{t('common.edit')}</Button> },
  ];
  return (
    <Stack>
      <Text size="sm">{t('admin.legal.help')}</Text>
      <Select label={t('admin.legal.regime')} data={(regimes.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.name}${r.inForceFrom ? ` (${f.date(r.inForceFrom)})` : ''}` }))} value={regime} onChange={setRegime} clearable w={360} />
      <ErrorAlert error={regimes.error} />
      <RecordTable
        testId="legal-table"
        striped
        columns={columns}
        rows={articles.data?.items.flatMap((a) => (a.tiers.length ? a.tiers : [null]).map((tier, i): Line => ({ article: a, tier, first: i === 0 })))}
        rowKey={(l) => `${l.article.id}-${l.tier?.id ?? 0}`}
        query={articles}
        empty={t('admin.legal.empty')}
      />
      <Modal opened={Boolean(editing)} onClose={() => setEditing(null)} title={t('admin.legal.edit_tier')}>
        {editing && <TierForm tier={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
