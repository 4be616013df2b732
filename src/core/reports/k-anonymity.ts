/**
 * k-anonymity for victim-level extracts (CTDC practice): every combination of quasi-identifiers (sex,
 * age band, citizenship, form of exploitation) must be shared by at least k records. Values are first
 * generalised step by step along a fixed path (citizenship → national/foreign, age band → minor/adult
 * ranges, form → group, …); when only a few records (≤ maxSuppressedShare) still sit in groups smaller
 * than k, their quasi-identifiers are suppressed ("*") instead of generalising everybody further. Records
 * that still cannot reach k, even fully suppressed, are dropped. Pure.
 */
import { mainPurposeGroup } from '../stats/purpose-groups';

export const SUPPRESSED = '*';

export type QuasiId = 'sex' | 'ageBroad' | 'citizenship' | 'exploitation';
export const quasiIds: readonly QuasiId[] = ['sex', 'ageBroad', 'citizenship', 'exploitation'];

export type QuasiRecord = Record<QuasiId, string>;

/** Generalisation of each quasi-identifier by level (0 = as recorded); the last level is always "*". */
export const hierarchies: Record<QuasiId, ReadonlyArray<(value: string) => string>> = {
  sex: [(v) => v, () => SUPPRESSED],
  ageBroad: [
    (v) => v,
    (v) => (v === SUPPRESSED || v === 'unknown' ? v : ['0-8', '9-17'].includes(v) ? '0-17' : ['18-20', '21-23', '24-26', '27-29'].includes(v) ? '18-29' : '30+'),
    (v) => (v === SUPPRESSED || v === 'unknown' ? v : ['0-8', '9-17'].includes(v) ? '0-17' : '18+'),
    () => SUPPRESSED,
  ],
  citizenship: [(v) => v, (v) => (v === SUPPRESSED || v === 'unknown' ? v : v === 'PER' ? 'PER' : 'foreign'), () => SUPPRESSED],
  exploitation: [(v) => v, (v) => (v === SUPPRESSED ? v : (exploitationGroup[v] ?? 'other')), () => SUPPRESSED],
};

/** Detailed form → group: the one grouping table (src/core/stats/purpose-groups.ts); `mixed` stays mixed. */
export const exploitationGroup: Record<string, string> = { ...mainPurposeGroup, mixed: 'mixed', unknown: 'unknown' };

/** The order in which levels are raised: least informative loss first. */
const path: ReadonlyArray<QuasiId> = ['citizenship', 'ageBroad', 'exploitation', 'ageBroad', 'citizenship', 'sex', 'ageBroad', 'exploitation'];

export interface KAnonymityResult<T extends QuasiRecord> {
  rows: T[];
  levels: Record<QuasiId, number>;
  /** Records whose quasi-identifiers were all replaced by "*". */
  suppressed: number;
  /** Records left out because even fully suppressed they would be fewer than k. */
  dropped: number;
}

const keyOf = (r: QuasiRecord) => quasiIds.map((q) => r[q]).join('\u0000');

function generalise<T extends QuasiRecord>(rows: readonly T[], levels: Record<QuasiId, number>): T[] {
  return rows.map((r) => {
    const out = { ...r };
    for (const q of quasiIds) out[q] = hierarchies[q][levels[q]]!(r[q]);
    return out;
  });
}

function smallGroupMembers(rows: readonly QuasiRecord[], k: number): Set<number> {
  const counts = new Map<string, number>();
  const keys = rows.map(keyOf);
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return new Set(keys.flatMap((key, i) => ((counts.get(key) ?? 0) < k ? [i] : [])));
}

export function kAnonymise<T extends QuasiRecord>(input: readonly T[], k: number, maxSuppressedShare = 0.05): KAnonymityResult<T> {
  const levels: Record<QuasiId, number> = { sex: 0, ageBroad: 0, citizenship: 0, exploitation: 0 };
  let rows = generalise(input, levels);
  let small = smallGroupMembers(rows, k);
  for (const step of path) {
    if (small.size <= Math.floor(input.length * maxSuppressedShare)) break;
    levels[step] = Math.min(levels[step] + 1, hierarchies[step].length - 1);
    rows = generalise(input, levels);
    small = smallGroupMembers(rows, k);
  }
  const suppressedRows = rows.map((r, i) => (small.has(i) ? ({ ...r, sex: SUPPRESSED, ageBroad: SUPPRESSED, citizenship: SUPPRESSED, exploitation: SUPPRESSED } as T) : r));
  const stillSmall = smallGroupMembers(suppressedRows, k);
  const kept = suppressedRows.filter((_, i) => !stillSmall.has(i));
  return { rows: kept, levels, suppressed: small.size - stillSmall.size, dropped: stillSmall.size };
}
