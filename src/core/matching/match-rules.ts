/**
 * When two person records may be the same human being, judged only from blind indexes (keyed hashes)
 * and non-identifying attributes, so that matching never needs to decrypt anybody's identity:
 * - `document`: the same document (type and number) hash;
 * - `name`: the same normalised full-name hash;
 * - `name_tokens`: at least two shared name-token hashes, the same known sex, and birth years within ±2.
 */
export interface MatchablePerson {
  id: string;
  documentHash: string | null;
  nameHash: string | null;
  nameTokenHashes: readonly string[];
  sex: string;
  birthYear: number | null;
}

export type MatchReason = 'document' | 'name' | 'name_tokens';

export const MIN_SHARED_TOKENS = 2;
export const BIRTH_YEAR_TOLERANCE = 2;

export function sharedTokenCount(a: readonly string[], b: readonly string[]): number {
  const other = new Set(b);
  return new Set(a.filter((token) => other.has(token))).size;
}

export function matchReasons(a: MatchablePerson, b: MatchablePerson): MatchReason[] {
  if (a.id === b.id) return [];
  const reasons: MatchReason[] = [];
  if (a.documentHash && a.documentHash === b.documentHash) reasons.push('document');
  if (a.nameHash && a.nameHash === b.nameHash) reasons.push('name');
  const similar =
    sharedTokenCount(a.nameTokenHashes, b.nameTokenHashes) >= MIN_SHARED_TOKENS &&
    a.sex !== 'unknown' &&
    a.sex === b.sex &&
    a.birthYear !== null &&
    b.birthYear !== null &&
    Math.abs(a.birthYear - b.birthYear) <= BIRTH_YEAR_TOLERANCE;
  if (similar) reasons.push('name_tokens');
  return reasons;
}

/** Candidate pairs are stored once per unordered pair, the smaller id first. */
export const orderedPair = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/**
 * Two-sided confirmation: a pair whose records are held by more than one institution merges only once
 * every one of those institutions has confirmed it; a pair held by one institution needs one confirmation.
 * `holders` are the institutions holding either record, `confirmed` those that confirmed so far.
 */
export function confirmationProgress(holders: readonly string[], confirmed: readonly string[]) {
  const involved = [...new Set(holders)];
  const done = new Set(confirmed);
  const waitingFor = involved.filter((id) => !done.has(id));
  return { crossInstitution: involved.length > 1, confirmed: involved.filter((id) => done.has(id)), waitingFor, complete: waitingFor.length === 0 };
}
