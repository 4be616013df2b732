import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { StatsResult } from '../../../contracts/stats';
import { codeListOf } from '../../../core/stats/code-lists';
import type { DimensionId } from '../../../core/stats/dimensions';
import enIndicators from '../../../i18n/en/indicators';
import esIndicators from '../../../i18n/es/indicators';
import { api } from '../../api/client';
import { flatten } from '../../i18n/flatten';

// The statistics catalogue is only needed here: added when the statistics chunk loads.
if (!i18next.hasResourceBundle('es', 'indicators')) {
  i18next.addResourceBundle('es', 'indicators', flatten(esIndicators as never));
  i18next.addResourceBundle('en', 'indicators', flatten(enIndicators as never));
}

/** The dashboard's filters, in the API's names: each department filter says which department it means. */
export interface StatsFilters {
  from?: string;
  to?: string;
  /** The department of the unit that registered the case (where the case falls under). */
  registeringDepartment?: string;
  /** A department where the victims were exploited (a case may have several). */
  exploitationDepartment?: string;
  purpose?: string;
}

/** One statistics query; the language is part of the key because the server labels rows. */
export function useStat(indicator: string, by: string[], filters: StatsFilters, extra: Record<string, string | number> = {}, path = '/api/v1/stats/query') {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['stats', path, indicator, by.join(','), filters, extra, i18n.language],
    queryFn: () => api.get<StatsResult>(path, { query: { indicator, by: by.length ? by.join(',') : undefined, ...filters, ...extra } }),
  });
}

/** The label of a value of a dimension in the UI language; "unknown" (nothing recorded) is never shown as a code. */
export function headerLabel(dimension: string | undefined, header: { key: string; label?: string }): string {
  const list = dimension ? codeListOf[dimension as DimensionId] : undefined;
  const unknown = header.key === 'unknown' ? i18next.t('stats.unknown_value') : undefined;
  if (list) return i18next.t(`${list}.${header.key}`, { ns: 'codes', defaultValue: unknown ?? header.label ?? header.key });
  return unknown ?? header.label ?? header.key;
}

/** What the reader may do with the figures of the statistics pages (set by the page from the session). */
export const StatsAbilities = createContext<{ canDrill: boolean; canExport: boolean }>({ canDrill: false, canExport: false });
export const useStatsAbilities = () => useContext(StatsAbilities);

/** The query of a statistics file (GET /api/v1/exports/table.<format>): the same parameters as the chart's query. */
export function exportHref(format: 'csv' | 'xlsx', indicator: string, by: string[], filters: StatsFilters): string {
  const params = new URLSearchParams({ indicator });
  if (by.length) params.set('by', by.join(','));
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  return `/api/v1/exports/table.${format}?${params.toString()}`;
}
