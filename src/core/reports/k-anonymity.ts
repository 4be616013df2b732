/**
 * k-anonymity for victim-level extracts (CTDC practice): every combination of quasi-identifiers (sex,
 * age band, citizenship, country of exploitation, form of exploitation) must be shared by at least k
 * records. Values are generalised step by step along a fixed path (citizenship → region → national/
 * foreign, country → region, age band → wider bands, form → group, …), for everybody while many records
 * sit in groups smaller than k; once only a few do (≤ maxSuppressedShare), those few continue along the
 * path on their own (local recoding: a lone 12-year-old becomes "0-17", a lone Ecuadorian "south_america")
 * and stop as soon as their group reaches k, so rows keep what they can. Only a record that reaches the
 * end of the path with every value "*" is suppressed, and dropped when even then fewer than k remain. Pure.
 */
import { mainPurposeGroup } from '../stats/purpose-groups';
import { regionOf } from './regions';

export const SUPPRESSED = '*';

export type QuasiId = 'sex' | 'ageBroad' | 'citizenship' | 'country' | 'exploitation';
export const quasiIds: readonly QuasiId[] = ['sex', 'ageBroad', 'citizenship', 'country', 'exploitation'];

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
  citizenship: [(v) => v, (v) => regions(v), (v) => (v === SUPPRESSED || v === 'unknown' ? v : v === 'PER' ? 'PER' : 'foreign'), () => SUPPRESSED],
  country: [(v) => v, (v) => regions(v), () => SUPPRESSED],
  exploitation: [(v) => v, (v) => (v === SUPPRESSED ? v : (exploitationGroup[v] ?? 'other')), () => SUPPRESSED],
};

/** Country codes (one, or several joined by ";") → their regions; the home country stays itself. */
const regions = (v: string) =>
  v === SUPPRESSED || v === 'unknown' ? v : [...new Set(v.split(';').map((c) => (c === 'PER' ? 'PER' : regionOf(c))))].sort().join(';');

/** Detailed form → group: the one grouping table (src/core/stats/purpose-groups.ts); `mixed` stays mixed. */
export const exploitationGroup: Record<string, string> = { ...mainPurposeGroup, mixed: 'mixed', unknown: 'unknown' };

/** The order in which levels are raised: least informative loss first. */
const path: ReadonlyArray<QuasiId> = [
  'citizenship', 'country', 'ageBroad', 'exploitation', 'citizenship', 'ageBroad', 'country', 'citizenship', 'sex', 'ageBroad', 'exploitation',
];

export interface KAnonymityResult<T extends QuasiRecord> {
  rows: T[];
  levels: Record<QuasiId, number>;
  /** Records whose quasi-identifiers were all replaced by "*". */
  suppressed: number;
  /** Records generalised further than the others, on their own, to reach k (local recoding). */
  recoded: number;
  /** Records left out because even fully suppressed they would be fewer than k. */
  dropped: number;
}

const keyOf = (r: QuasiRecord) => quasiIds.map((q) => r[q]).join('\u0000');

const generaliseOne = <T extends QuasiRecord>(r: T, levels: Record<QuasiId, number>): T => {
  const out = { ...r };
  for (const q of quasiIds) out[q] = hierarchies[q][levels[q]]!(r[q] ?? 'unknown');
  return out;
};

function smallGroupMembers(rows: readonly QuasiRecord[], k: number): Set<number> {
  const counts = new Map<string, number>();
  const keys = rows.map(keyOf);
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return new Set(keys.flatMap((key, i) => ((counts.get(key) ?? 0) < k ? [i] : [])));
}

const allSuppressed = (r: QuasiRecord) => quasiIds.every((q) => r[q] === SUPPRESSED);

export function kAnonymise<T extends QuasiRecord>(input: readonly T[], k: number, maxSuppressedShare = 0.05): KAnonymityResult<T> {
  const levels: Record<QuasiId, number> = { sex: 0, ageBroad: 0, citizenship: 0, country: 0, exploitation: 0 };
  let rows = input.map((r) => generaliseOne(r, levels));
  let small = smallGroupMembers(rows, k);
  let step = 0;
  // Everybody together while many records are in small groups.
  for (; step < path.length && small.size > Math.floor(input.length * maxSuppressedShare); step++) {
    const q = path[step]!;
    levels[q] = Math.min(levels[q] + 1, hierarchies[q].length - 1);
    rows = input.map((r) => generaliseOne(r, levels));
    small = smallGroupMembers(rows, k);
  }
  // Then the few left in small groups, on their own, one step at a time; each stops once its group reaches k.
  const own = input.map(() => ({ ...levels }));
  const recoded = new Set<number>();
  for (; step < path.length && small.size > 0; step++) {
    const q = path[step]!;
    for (const i of small) {
      own[i]![q] = Math.min(own[i]![q] + 1, hierarchies[q].length - 1);
      rows[i] = generaliseOne(input[i]!, own[i]!);
      recoded.add(i);
    }
    small = smallGroupMembers(rows, k);
  }
  // Whatever is still small is suppressed whole; dropped when even then fewer than k.
  const suppressedRows = rows.map((r, i) => (small.has(i) ? ({ ...r, ...Object.fromEntries(quasiIds.map((q) => [q, SUPPRESSED])) } as T) : r));
  const stillSmall = smallGroupMembers(suppressedRows, k);
  const kept = suppressedRows.filter((_, i) => !stillSmall.has(i));
  const keptIndexes = suppressedRows.map((_, i) => i).filter((i) => !stillSmall.has(i));
  return {
    rows: kept,
    levels,
    suppressed: kept.filter(allSuppressed).length,
    recoded: keptIndexes.filter((i) => recoded.has(i) && !allSuppressed(suppressedRows[i]!)).length,
    dropped: stillSmall.size,
  };
}
