import { Alert, Badge, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { tierUpdate, type articleView, type regimeView, type tierView } from '../../../contracts/legal';
import { api, errorMessage } from '../../api/client';
import { applyServerErrors, contractResolver, errorAt } from '../../api/forms';
import { EmptyState, ErrorAlert } from '../../components/common';
import { useFormat } from '../../i18n/format';
import { QueryLoading } from '../../components/QueryLoading';

type Regime = z.infer<typeof regimeView>;
type Article = z.infer<typeof articleView>;
type Tier = z.infer<typeof tierView>;

interface TierValues {
  minMonths: number;
  maxMonths: number | string | null;
  suspensionAllowed: boolean;
  confirmedInPrimarySource: boolean;
  version: number;
}
const prepareTier = (v: TierValues) => ({ ...v, maxMonths: v.maxMonths === '' || v.maxMonths === null ? null : Number(v.maxMonths) });

function TierForm({ tier, onDone }: { tier: Tier; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<TierValues>({
    resolver: contractResolver(tierUpdate, prepareTier),
    defaultValues: { minMonths: tier.minMonths, maxMonths: tier.maxMonths ?? '', suspensionAllowed: tier.suspensionAllowed, confirmedInPrimarySource: tier.confirmedInPrimarySource, version: tier.version },
  });
  const save = useMutation({
    mutationFn: (v: TierValues) => api.patch(`/api/v1/legal/tiers/${tier.id}`, prepareTier(v)),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['legal-articles'] }); onDone(); },
    onError: (error) => setFailure(applyServerErrors(error, form.setError) ?? errorMessage(error)),
  });
  const err = (n: string) => errorAt(form.formState.errors, n);
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        {failure && <Alert color="red" role="alert">{failure}</Alert>}
        <Controller control={form.control} name="minMonths" render={({ field }) => <NumberInput label={t('admin.legal.min_months')} value={field.value} onChange={field.onChange} min={0} error={err('minMonths')} />} />
        <Controller control={form.control} name="maxMonths" render={({ field }) => <NumberInput label={t('admin.legal.max_months')} value={field.value ?? ''} onChange={field.onChange} min={0} error={err('maxMonths')} />} />
        <Checkbox label={t('admin.legal.suspension_allowed')} {...form.register('suspensionAllowed')} />
        <Checkbox label={t('admin.legal.confirmed')} {...form.register('confirmedInPrimarySource')} />
        <Group><Button type="submit" loading={save.isPending}>{t('common.save')}</Button></Group>
      </Stack>
    </form>
  );
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
  return (
    <Stack>
      <Text size="sm">{t('admin.legal.help')}</Text>
      <Select label={t('admin.legal.regime')} data={(regimes.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.name}${r.inForceFrom ? ` (${f.date(r.inForceFrom)})` : ''}` }))} value={regime} onChange={setRegime} clearable w={360} />
      <ErrorAlert error={regimes.error ?? articles.error} />
      <QueryLoading query={articles} />
      {articles.data?.items.length === 0 && <EmptyState>{t('admin.legal.empty')}</EmptyState>}
      <div className="reta-table-wrap">
        <Table striped data-testid="legal-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.legal.regime')}</Table.Th>
              <Table.Th>{t('admin.legal.article')}</Table.Th>
              <Table.Th>{t('admin.legal.heading')}</Table.Th>
              <Table.Th>{t('admin.legal.tier')}</Table.Th>
              <Table.Th>{t('admin.legal.range')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(articles.data?.items ?? []).flatMap((a) =>
              (a.tiers.length ? a.tiers : [null]).map((tier, i) => (
                <Table.Tr key={`${a.id}-${tier?.id ?? i}`}>
                  <Table.Td>{i === 0 ? regimeName(a.regimeCode) : ''}</Table.Td>
                  <Table.Td>{i === 0 ? a.articleNumber : ''}</Table.Td>
                  <Table.Td>
                    {i === 0 && (
                      <>
                        {a.heading ?? a.titleCode}
                        {a.isTrafficking && <Badge ml={6} size="xs" color="indigo.8">{t('admin.legal.trafficking')}</Badge>}
                        {a.isLesserOffence && <Badge ml={6} size="xs" color="gray.7">{t('admin.legal.lesser')}</Badge>}
                      </>
                    )}
                  </Table.Td>
                  <Table.Td>{tier ? t(`admin.legal.tiers.${tier.tierCode}`) : '—'}</Table.Td>
                  <Table.Td>
                    {tier ? `${years(tier.minMonths)} – ${years(tier.maxMonths)}` : '—'}
                    {tier && !tier.confirmedInPrimarySource && <Badge ml={6} size="xs" color="#8a4b00">{t('admin.legal.unconfirmed')}</Badge>}
                  </Table.Td>
                  <Table.Td>{tier && <Button size="xs" variant="light" onClick={() => setEditing(tier)}>{t('common.edit')}</Button>}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      </div>
      <Modal opened={Boolean(editing)} onClose={() => setEditing(null)} title={t('admin.legal.edit_tier')}>
        {editing && <TierForm tier={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
