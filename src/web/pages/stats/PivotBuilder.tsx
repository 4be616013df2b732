import { ActionIcon, Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { indicatorList, StatsResult } from '../../../contracts/stats';
import { peruDepartments } from '../../../core/geo/departments';
import { isCaseBased } from '../../../core/stats/case-units';
import { codeListOf } from '../../../core/stats/code-lists';
import { dimensions, type DimensionId } from '../../../core/stats/dimensions';
import esCodes from '../../../i18n/es/codes';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/common';
import { FigureCases } from './FigureCases';
import { paramsOf, queryOf, stateFromParams, withIndicator, type CellRef, type PivotState } from './pivot-model';
import { PivotTable } from './PivotTable';
import './stats-data';

type IndicatorList = z.infer<typeof indicatorList>;
const sections = ['overview', 'prosecution', 'protection', 'prevention'] as const;

/** The values a dimension can be filtered by, labelled: code lists and departments (others are broken down, not filtered). */
export function useFilterOptions() {
  const { t } = useTranslation();
  return (dim: DimensionId): Array<{ value: string; label: string }> | null => {
    if (dimensions[dim].values === 'department') return peruDepartments.map((d) => ({ value: d.code, label: d.name }));
    const list = codeListOf[dim];
    const codes = list ? (esCodes as unknown as Record<string, Record<string, string>>)[list] : undefined;
    if (!list || !codes) return null;
    return Object.keys(codes).map((value) => ({ value, label: t(`${list}.${value}`, { ns: 'codes' }) }));
  };
}

/**
 * The ad-hoc table builder: an indicator, up to two dimensions, a period and filters, as the statistics
 * API allows; the table the engine returns (disclosure control as the engine applies it), sortable, with
 * totals; CSV and XLSX of the same query; any figure opens the cases behind it.
 */
export function PivotBuilder({ canDrill, canExport }: { canDrill: boolean; canExport: boolean }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = stateFromParams(params);
  const set = (next: PivotState) => setParams(paramsOf(next), { replace: true });
  const [opened, setOpened] = useState<{ cell: CellRef; description: string } | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const optionsOf = useFilterOptions();

  const defs = useQuery({ queryKey: ['stats-indicators', i18n.language], queryFn: () => api.get<IndicatorList>('/api/v1/stats/indicators') });
  const indicator = defs.data?.items.find((i) => i.id === state.indicator);
  const query = queryOf(state);
  const result = useQuery({
    queryKey: ['stats-pivot', query, i18n.language],
    queryFn: () => api.get<StatsResult>('/api/v1/stats/query', { query }),
    enabled: !!indicator,
  });
  const dimName = (id: string) => defs.data?.dimensions.find((d) => d.id === id)?.name ?? t(`dimensions.${id}`, { ns: 'indicators' });
  const dimOptions = (indicator?.dimensions ?? []).map((d) => ({ value: d, label: dimName(d) }));
  const filterable = (indicator?.dimensions ?? []).filter((d) => !state.filters[d as DimensionId] && optionsOf(d as DimensionId));
  const download = (format: 'csv' | 'xlsx') => `/api/v1/exports/table.${format}?${paramsOf(state).toString()}`;
  const caption = indicator
    ? [indicator.name, ...[state.rows, state.columns].filter(Boolean).map((d) => dimName(d!))].join(' × ')
    : '';

  return (
    <Stack gap="md">
      <ErrorAlert error={defs.error} />
      <form aria-label={t('stats.pivot.controls')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
          <Select
            label={t('stats.pivot.indicator')}
            data={sections.map((s) => ({ group: t(`stats.pivot.section.${s}`), items: (defs.data?.items ?? []).filter((i) => i.section === s).map((i) => ({ value: i.id, label: i.name })) })).filter((g) => g.items.length)}
            value={indicator ? state.indicator : null}
            onChange={(v) => v && set(withIndicator(state, v, defs.data?.items.find((i) => i.id === v)?.dimensions ?? []))}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select label={t('stats.pivot.rows')} data={dimOptions} value={state.rows ?? null} onChange={(v) => set({ ...state, rows: (v as DimensionId) ?? undefined, columns: v ? (state.columns === v ? undefined : state.columns) : undefined })} clearable searchable placeholder={t('stats.pivot.none')} comboboxProps={{ withinPortal: true }} />
          <Select label={t('stats.pivot.columns')} data={dimOptions.filter((o) => o.value !== state.rows)} value={state.columns ?? null} onChange={(v) => set({ ...state, columns: (v as DimensionId) ?? undefined })} clearable searchable disabled={!state.rows} placeholder={t('stats.pivot.none')} comboboxProps={{ withinPortal: true }} />
          <TextInput type="date" label={t('stats.from')} value={state.from ?? ''} onChange={(e) => set({ ...state, from: e.currentTarget.value || undefined })} />
          <TextInput type="date" label={t('stats.to')} value={state.to ?? ''} onChange={(e) => set({ ...state, to: e.currentTarget.value || undefined })} />
          <Select
            label={t('stats.pivot.add_filter')}
            data={filterable.map((d) => ({ value: d, label: dimName(d) }))}
            value={adding}
            onChange={(v) => setAdding(v)}
            searchable
            clearable
            placeholder={t('stats.pivot.choose_dimension')}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        {[...Object.keys(state.filters), ...(adding && !state.filters[adding as DimensionId] ? [adding] : [])].map((dim) => (
          <Group key={dim} align="flex-end" gap="xs" mt="xs" wrap="nowrap">
            <MultiSelect
              style={{ flex: 1 }}
              label={dimName(dim)}
              data={optionsOf(dim as DimensionId) ?? []}
              value={state.filters[dim as DimensionId] ?? []}
              onChange={(values) => {
                const filters = { ...state.filters, [dim]: values };
                if (!values.length) delete filters[dim as DimensionId];
                if (dim === adding) setAdding(null);
                set({ ...state, filters });
              }}
              searchable
              comboboxProps={{ withinPortal: true }}
            />
            <ActionIcon variant="default" size="lg" aria-label={t('stats.pivot.remove_filter', { name: dimName(dim) })} onClick={() => {
              const filters = { ...state.filters };
              delete filters[dim as DimensionId];
              if (dim === adding) setAdding(null);
              set({ ...state, filters });
            }}>×</ActionIcon>
          </Group>
        ))}
        <Group mt="sm" gap="md">
          <Checkbox label={t('stats.pivot.suppress')} checked={!!state.suppress} onChange={(e) => set({ ...state, suppress: e.currentTarget.checked || undefined })} />
          {canExport && (
            <>
              <Button component="a" href={download('csv')} variant="default" size="xs" download>{t('stats.pivot.download_csv')}</Button>
              <Button component="a" href={download('xlsx')} variant="default" size="xs" download>{t('stats.pivot.download_xlsx')}</Button>
            </>
          )}
        </Group>
      </form>
      {indicator && <Text size="sm" c="dark.4">{indicator.description}</Text>}
      <ErrorAlert error={result.error} />
      {result.data && indicator && (
        <>
          <PivotTable
            key={query.indicator + (query.by ?? '')}
            result={result.data}
            caption={caption}
            dimensionName={dimName}
            valueName={indicator.name}
            onOpen={canDrill && isCaseBased(indicator.unit) ? (cell, description) => setOpened({ cell, description }) : undefined}
          />
          {result.data.notes.map((n) => (
            <Text key={n} size="xs" c="dark.4">{t(`notes.${n}`, { ns: 'indicators', threshold: result.data.threshold ?? 10, below: (result.data.threshold ?? 10) - 1 })}</Text>
          ))}
          {canDrill && isCaseBased(indicator.unit) && <Text size="xs" c="dark.4">{t('stats.pivot.click_hint')}</Text>}
        </>
      )}
      <FigureCases query={query} cell={opened?.cell ?? null} description={opened?.description ?? ''} onClose={() => setOpened(null)} />
    </Stack>
  );
}
