/** Every counting unit's SQL: the first table (stats.sources.ts) and the figures added after it (figures.ts). */
import type { CountingUnit } from '../../../core/stats/indicators';
import { sources, type Source } from '../stats.sources';
import { figureSources } from './figures';

export const allSources: Record<CountingUnit, Source> = { ...sources, ...figureSources };
