import { and, arrayOverlaps, between, eq, exists, gte, inArray, isNull, ne, not, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { BIRTH_YEAR_TOLERANCE, MIN_SHARED_TOKENS, matchReasons, orderedPair } from '../../core/matching/match-rules';
import type { Tx } from '../../db/connect';
import { auditLog, cases, caseSuspects, caseVictims, institutions, matchCandidates, matchConfirmations, persons, units } from '../../db/schema';
import type { Actor } from '../context';
import { visibleVictimCondition, wholeCaseCondition } from '../policy';

export type CandidateRow = typeof matchCandidates.$inferSelect;

/**
 * Looks for other records of the same human being through blind indexes only (no decryption) and adds
 * the pairs to the review queue. Pairs already queued — including rejected ones — are not proposed again;
 * merged records are skipped. Runs in the caller's transaction; writes no identifying data anywhere.
 * Called by the case and people services after creating or changing a person, and by the scan route;
 * `proposedBy` is the user whose action queued the pairs (a pair across institutions is never shown to them).
 */
export async function proposeMatches(tx: Tx, personId: string, proposedBy: string | null = null): Promise<{ proposed: number; candidateIds: string[] }> {
  const [person] = await tx.select().from(persons).where(eq(persons.id, personId)).limit(1);
  return proposeMatchesOf(tx, person, proposedBy);
}

/** proposeMatches for a person already loaded (a drain loads its batch of persons in one query). */
export async function proposeMatchesOf(tx: Tx, person: typeof persons.$inferSelect | undefined, proposedBy: string | null = null): Promise<{ proposed: number; candidateIds: string[] }> {
  if (!person || person.mergedIntoId) return { proposed: 0, candidateIds: [] };
  const ways: SQL[] = [];
  if (person.documentHash) ways.push(eq(persons.documentHash, person.documentHash));
  if (person.nameHash) ways.push(eq(persons.nameHash, person.nameHash));
  if (person.nameTokenHashes.length >= MIN_SHARED_TOKENS && person.sex !== 'unknown' && person.birthYear !== null) {
    const years = between(persons.birthYear, person.birthYear - BIRTH_YEAR_TOLERANCE, person.birthYear + BIRTH_YEAR_TOLERANCE);
    ways.push(and(arrayOverlaps(persons.nameTokenHashes, person.nameTokenHashes), eq(persons.sex, person.sex), years)!);
  }
  if (!ways.length) return { proposed: 0, candidateIds: [] };
  const others = await tx
    .select()
    .from(persons)
    .where(and(ne(persons.id, person.id), isNull(persons.mergedIntoId), or(...ways)))
    .limit(500);
  const pairs = others.flatMap((other) => {
    const reasons = matchReasons(person, other);
    if (!reasons.length) return [];
    const [personAId, personBId] = orderedPair(person.id, other.id);
    return [{ personAId, personBId, reasons, proposedBy }];
  });
  if (!pairs.length) return { proposed: 0, candidateIds: [] };
  // One insert for all the pairs (not one statement per pair: a common name matched hundreds).
  const inserted = await tx.insert(matchCandidates).values(pairs).onConflictDoNothing().returning({ id: matchCandidates.id });
  const candidateIds = inserted.map((r) => r.id);
  return { proposed: candidateIds.length, candidateIds };
}

/**
 * The person appears in a case, as victim or suspect, that the actor may see (victim-level for referrals).
 * `held`: and that case belongs to the actor's own institution — the side of a cross-institution pair
 * the actor answers for.
 */
export function personVisibleCondition(tx: Tx, actor: Actor, personId: AnyPgColumn, options: { held?: boolean } = {}): SQL {
  const ownCase = options.held ? eq(cases.institutionId, actor.institutionId) : undefined;
  const asVictim = tx
    .select({ one: sql`1` })
    .from(caseVictims)
    .innerJoin(cases, eq(cases.id, caseVictims.caseId))
    .where(and(eq(caseVictims.personId, personId), visibleVictimCondition(actor), ownCase));
  const asSuspect = tx
    .select({ one: sql`1` })
    .from(caseSuspects)
    .innerJoin(cases, eq(cases.id, caseSuspects.caseId))
    .where(and(eq(caseSuspects.personId, personId), wholeCaseCondition(actor), ownCase));
  return or(exists(asVictim), exists(asSuspect))!;
}

export async function visiblePersonIds(tx: Tx, actor: Actor, ids: string[], options: { held?: boolean } = {}): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx.select({ id: persons.id }).from(persons).where(and(inArray(persons.id, ids), personVisibleCondition(tx, actor, persons.id, options)));
  return new Set(rows.map((r) => r.id));
}

export type Appearance = { personId: string; caseId: string; caseCode: string; role: 'victim' | 'suspect'; unitName: string; institutionName: string };

/** Cases where the given persons appear, limited to what the actor may see. */
export async function visibleAppearances(tx: Tx, actor: Actor, personIds: string[]): Promise<Appearance[]> {
  if (!personIds.length) return [];
  const fields = (role: 'victim' | 'suspect', personId: AnyPgColumn) => ({
    personId: sql<string>`${personId}`,
    caseId: cases.id,
    caseCode: cases.code,
    role: sql<'victim' | 'suspect'>`${role}::text`,
    unitName: units.name,
    institutionName: institutions.name,
  });
  const victims = await tx
    .select(fields('victim', caseVictims.personId))
    .from(caseVictims)
    .innerJoin(cases, eq(cases.id, caseVictims.caseId))
    .innerJoin(units, eq(units.id, cases.unitId))
    .innerJoin(institutions, eq(institutions.id, cases.institutionId))
    .where(and(inArray(caseVictims.personId, personIds), visibleVictimCondition(actor)));
  const suspects = await tx
    .select(fields('suspect', caseSuspects.personId))
    .from(caseSuspects)
    .innerJoin(cases, eq(cases.id, caseSuspects.caseId))
    .innerJoin(units, eq(units.id, cases.unitId))
    .innerJoin(institutions, eq(institutions.id, cases.institutionId))
    .where(and(inArray(caseSuspects.personId, personIds), wholeCaseCondition(actor)));
  return [...victims, ...suspects];
}

/**
 * Whom to contact about persons outside the actor's scope: the units (and institutions) holding their
 * cases — deliberately nothing else (no case, no person, no identity). Named `unsafe…` because it reads
 * across scopes; it returns only units and institutions. It also tells which institutions hold a pair
 * (two-sided confirmation); the caller shows only the names, and only to the pair's reviewers.
 */
export async function unsafeContactsOf(tx: Tx, personIds: string[]) {
  if (!personIds.length) return [];
  const holders = (link: typeof caseVictims | typeof caseSuspects) =>
    tx
      .selectDistinct({ personId: link.personId, unitName: units.name, institutionId: institutions.id, institutionName: institutions.name })
      .from(link)
      .innerJoin(cases, eq(cases.id, link.caseId))
      .innerJoin(units, eq(units.id, cases.unitId))
      .innerJoin(institutions, eq(institutions.id, cases.institutionId))
      .where(inArray(link.personId, personIds));
  return [...(await holders(caseVictims)), ...(await holders(caseSuspects))];
}

export async function personsByIds(tx: Tx, ids: string[]) {
  if (!ids.length) return new Map<string, typeof persons.$inferSelect>();
  const rows = await tx.select().from(persons).where(inArray(persons.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * SQL (plain text, for raw-SQL readers such as the quality checks) that is true when the two records of
 * a candidate are held — owner of a case they appear in — by more than one institution. `candidate` is
 * the alias or table name of match_candidates in the enclosing query.
 */
export function crossInstitutionSql(candidate: string): string {
  const pair = `(${candidate}.person_a_id, ${candidate}.person_b_id)`;
  return `((select count(distinct pair_case.institution_id) from cases pair_case where pair_case.id in (
    select pair_v.case_id from case_victims pair_v where pair_v.person_id in ${pair}
    union all select pair_s.case_id from case_suspects pair_s where pair_s.person_id in ${pair})) > 1)`;
}

/** The two records of the candidate row (table match_candidates) are held by more than one institution. */
export const crossInstitutionCondition = (): SQL => sql.raw(crossInstitutionSql('"match_candidates"'));

/**
 * Candidates the actor reviews: the actor's own institution holds one of the two records, in a case the
 * actor may see (a case shared along the workflow is not enough: its other records are not the
 * reader's business). Within one institution, that is all. Across institutions, additionally only
 * cross-institution reviewers (supervisors), and never the user whose typing or scan queued the pair —
 * so typing a guessed document number reveals nothing to the person who typed it.
 */
export function visibleCandidateCondition(tx: Tx, actor: Actor): SQL {
  const cross = crossInstitutionCondition();
  const held = or(personVisibleCondition(tx, actor, matchCandidates.personAId, { held: true }), personVisibleCondition(tx, actor, matchCandidates.personBId, { held: true }))!;
  if (!actor.permissions.has('duplicates.review.cross_institution')) return and(not(cross), held)!;
  const notTheProposer = sql`${matchCandidates.proposedBy} is distinct from ${actor.userId}`;
  return and(held, or(not(cross), notTheProposer))!;
}

/** Institutions that confirmed each candidate (two-sided confirmation). */
export async function confirmationsOf(tx: Tx, candidateIds: string[]) {
  if (!candidateIds.length) return [];
  return tx.select({ candidateId: matchConfirmations.candidateId, institutionId: matchConfirmations.institutionId }).from(matchConfirmations).where(inArray(matchConfirmations.candidateId, candidateIds));
}

/** Records the confirmation of the actor's institution; false when that institution had already confirmed. */
export async function insertConfirmation(tx: Tx, actor: Actor, candidateId: string): Promise<boolean> {
  const inserted = await tx
    .insert(matchConfirmations)
    .values({ candidateId, institutionId: actor.institutionId, confirmedBy: actor.userId })
    .onConflictDoNothing()
    .returning({ id: matchConfirmations.id });
  return inserted.length > 0;
}

/** A fixed advisory-lock class for scan counting: one user's scans are counted one at a time. */
const SCAN_LIMIT_LOCK = 7_242_002;

/**
 * How many duplicate scans the user ran since `since`, counted from the audit log (every scan is
 * audited, so the log is the counter). Holds a per-user lock until the transaction ends, so concurrent
 * scans cannot all slip under the limit.
 */
export async function countScansSince(tx: Tx, userId: string, since: Date): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SCAN_LIMIT_LOCK}::int, hashtext(${userId}::text))`);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, userId), eq(auditLog.action, 'match.scan'), gte(auditLog.at, since)));
  return row?.n ?? 0;
}
