/**
 * Reconciliation between two institutions' records: which complaints of one have no counterpart among
 * the other's. Pure: the server hands in what it knows of each case as keys that reveal nothing (blind
 * indexes of persons, normalised file numbers), and only counts and the caller's own case ids come out.
 *
 * Two cases are counterparts when any of these holds (strongest first, the first that holds is the reason):
 *   shared        the same RETA case, worked by both (a workflow grant: police report, charges, transfer);
 *   file_number   a file number of one (its own external id, a police report or carpeta fiscal number
 *                 recorded on its justice steps) is a file number of the other;
 *   person        the same person record (after confirmed merges), or the same identity document (blind index);
 *   name_and_facts the same full name (blind index) AND facts dates that overlap AND, when both give places,
 *                 a department in common.
 * A name alone is never enough (common names would pair unrelated complaints), nor a name in one region.
 */
export interface CaseKeys {
  id: string;
  /** Institutions that hold a workflow grant on this case. */
  sharedWith: readonly string[];
  fileNumbers: readonly string[];
  /** Canonical person ids (merged persons resolved) of victims and suspects. */
  personIds: readonly string[];
  documentHashes: readonly string[];
  nameHashes: readonly string[];
  /** Earliest and latest day the facts allow (ISO dates), when known. */
  factsStart: string | null;
  factsEnd: string | null;
  /** Departments of the case's places (of the facts, not of the registering unit). */
  departments: readonly string[];
}

export const matchReasons = ['shared', 'file_number', 'person', 'name_and_facts'] as const;
export type MatchReason = (typeof matchReasons)[number];

/** Upper case, letters and digits only: `PNP-2026/0077` and `pnp 2026 0077` are one number. */
export const normaliseFileNumber = (value: string): string => value.normalize('NFKD').toUpperCase().replace(/[^A-Z0-9]/g, '');

const overlaps = (a: readonly string[], b: ReadonlySet<string>) => a.some((x) => b.has(x));

function factsMeet(a: CaseKeys, b: CaseKeys): boolean {
  if (!a.factsStart || !a.factsEnd || !b.factsStart || !b.factsEnd) return false;
  if (a.factsStart > b.factsEnd || b.factsStart > a.factsEnd) return false;
  return a.departments.length === 0 || b.departments.length === 0 || overlaps(a.departments, new Set(b.departments));
}

/** The reason two cases (of institutions `aInstitution`, `bInstitution`) are counterparts, or null. */
export function counterpartReason(a: CaseKeys, aInstitution: string, b: CaseKeys, bInstitution: string): MatchReason | null {
  if (a.id === b.id || a.sharedWith.includes(bInstitution) || b.sharedWith.includes(aInstitution)) return 'shared';
  const aFiles = new Set(a.fileNumbers.map(normaliseFileNumber).filter(Boolean));
  if (b.fileNumbers.some((n) => aFiles.has(normaliseFileNumber(n)))) return 'file_number';
  if (overlaps(a.personIds, new Set(b.personIds)) || overlaps(a.documentHashes, new Set(b.documentHashes))) return 'person';
  if (overlaps(a.nameHashes, new Set(b.nameHashes)) && factsMeet(a, b)) return 'name_and_facts';
  return null;
}

export interface Reconciliation {
  /** Ids of `ours` with no counterpart among `theirs`, and the reverse. */
  oursUnmatched: string[];
  theirsUnmatched: string[];
  /** Cases of ours with a counterpart, by the strongest reason found. */
  matchedBy: Record<MatchReason, number>;
}

/**
 * Every case of each side against the other's. Candidates come from key indexes (file numbers, persons,
 * documents, names, grants), so the work grows with the shared keys, not with the product of the sides.
 */
export function reconcile(ours: readonly CaseKeys[], ourInstitution: string, theirs: readonly CaseKeys[], theirInstitution: string): Reconciliation {
  const index = new Map<string, CaseKeys[]>();
  const add = (key: string, c: CaseKeys) => index.set(key, [...(index.get(key) ?? []), c]);
  for (const c of theirs) {
    add(`case:${c.id}`, c);
    if (c.sharedWith.includes(ourInstitution)) add('shared-with-us', c);
    for (const n of c.fileNumbers) add(`file:${normaliseFileNumber(n)}`, c);
    for (const p of c.personIds) add(`person:${p}`, c);
    for (const d of c.documentHashes) add(`doc:${d}`, c);
    for (const n of c.nameHashes) add(`name:${n}`, c);
  }
  const matchedBy = Object.fromEntries(matchReasons.map((r) => [r, 0])) as Record<MatchReason, number>;
  const theirsMatched = new Set<string>();
  const oursUnmatched: string[] = [];
  for (const a of ours) {
    const candidates = new Set<CaseKeys>([
      ...(index.get(`case:${a.id}`) ?? []),
      ...(a.sharedWith.includes(theirInstitution) ? theirs.filter((b) => b.id === a.id) : []),
      ...a.fileNumbers.flatMap((n) => index.get(`file:${normaliseFileNumber(n)}`) ?? []),
      ...a.personIds.flatMap((p) => index.get(`person:${p}`) ?? []),
      ...a.documentHashes.flatMap((d) => index.get(`doc:${d}`) ?? []),
      ...a.nameHashes.flatMap((n) => index.get(`name:${n}`) ?? []),
    ]);
    let best: MatchReason | null = a.sharedWith.includes(theirInstitution) ? 'shared' : null;
    for (const b of candidates) {
      const reason = counterpartReason(a, ourInstitution, b, theirInstitution);
      if (!reason) continue;
      theirsMatched.add(b.id);
      if (best === null || matchReasons.indexOf(reason) < matchReasons.indexOf(best)) best = reason;
    }
    if (best) matchedBy[best]++;
    else oursUnmatched.push(a.id);
  }
  // Their cases shared with us are our own work too: matched even when none of ours points at them.
  for (const b of index.get('shared-with-us') ?? []) theirsMatched.add(b.id);
  return { oursUnmatched, theirsUnmatched: theirs.filter((b) => !theirsMatched.has(b.id)).map((b) => b.id), matchedBy };
}
