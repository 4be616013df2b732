import { and, arrayContains, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { cases, institutions, justiceEvents, persons, units } from '../../db/schema';
import type { Actor } from '../context';
import { visibleCasesCondition, visiblePersonCondition, wholeCaseCondition } from '../policy';

/** How many hits of each group one search returns (one more is read to tell that there are more). */
export const SEARCH_LIMIT = 20;

const caseHitColumns = {
  caseId: cases.id,
  code: cases.code,
  status: cases.status,
  unitId: cases.unitId,
  unitName: units.name,
  institutionName: institutions.name,
  registeredAt: cases.registeredAt,
};

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (m) => `\\${m}`);

/** On `cases`: the code contains the typed text (any case), wildcards taken as letters. For inbox searches. */
export const caseCodeContains = (text: string): SQL => sql`${cases.code} like ${`%${escapeLike(text.trim().toUpperCase())}%`}`;

function selectCaseHits(tx: Tx, where: SQL, limit: number) {
  return tx
    .select(caseHitColumns)
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .innerJoin(institutions, eq(institutions.id, cases.institutionId))
    .where(where)
    .orderBy(desc(cases.registeredAt), desc(cases.id))
    .limit(limit);
}

/** Cases whose code is, or ends with, the term, among the cases the actor may see. */
export function findCasesByCode(tx: Tx, actor: Actor, code: string) {
  return selectCaseHits(tx, and(sql`${cases.code} like ${`%${escapeLike(code)}`}`, visibleCasesCondition(actor))!, SEARCH_LIMIT + 1);
}

/**
 * Cases carrying the file number: the registering institution's own number (external id) or the number of
 * a police report, carpeta fiscal or court file recorded on the justice chain. Only cases the actor sees
 * whole: a referral shows the referred victim, never the case's files.
 */
export function findCasesByFileNumber(tx: Tx, actor: Actor, fileNumber: string) {
  const inJustice = sql`exists (select 1 from ${justiceEvents} where ${justiceEvents.caseId} = ${cases.id} and upper(trim(${justiceEvents.documentNumber})) = ${fileNumber})`;
  const matches = or(sql`upper(trim(${cases.externalId})) = ${fileNumber}`, inJustice)!;
  return selectCaseHits(tx, and(matches, wholeCaseCondition(actor))!, SEARCH_LIMIT + 1);
}

/** Persons by blind index (any of the document hashes, or all the name-token hashes), among the persons the actor may see. */
export async function findPersons(tx: Tx, actor: Actor, hashes: { documentHashes: string[]; nameTokenHashes: string[] }) {
  const matches: SQL[] = [];
  if (hashes.documentHashes.length > 0) matches.push(inArray(persons.documentHash, hashes.documentHashes));
  if (hashes.nameTokenHashes.length > 0) matches.push(arrayContains(persons.nameTokenHashes, hashes.nameTokenHashes));
  if (matches.length === 0) return [];
  return tx
    .select({ id: persons.id, identityEnc: persons.identityEnc })
    .from(persons)
    .where(and(or(...matches), visiblePersonCondition(actor)))
    .orderBy(desc(persons.createdAt), desc(persons.id))
    .limit(SEARCH_LIMIT + 1);
}

/** The case hits of given cases, among the cases the actor may see (for the cases a person appears in). */
export function caseHitsByIds(tx: Tx, actor: Actor, caseIds: string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return selectCaseHits(tx, and(inArray(cases.id, caseIds), visibleCasesCondition(actor))!, caseIds.length);
}
