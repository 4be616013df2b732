import { and, arrayOverlaps, between, eq, exists, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { BIRTH_YEAR_TOLERANCE, MIN_SHARED_TOKENS, matchReasons, orderedPair } from '../../core/matching/match-rules';
import type { Tx } from '../../db/connect';
import { cases, caseSuspects, caseVictims, institutions, matchCandidates, persons, units } from '../../db/schema';
import type { Actor } from '../context';
import { visibleVictimCondition, wholeCaseCondition } from '../policy';

export type CandidateRow = typeof matchCandidates.$inferSelect;

/**
 * Looks for other records of the same human being through blind indexes only (no decryption) and adds
 * the pairs to the review queue. Pairs already queued — including rejected ones — are not proposed again;
 * merged records are skipped. Runs in the caller's transaction; writes no identifying data anywhere.
 * Called by the case and people services after creating or changing a person, and by the scan route.
 */
export async function proposeMatches(tx: Tx, personId: string): Promise<{ proposed: number; candidateIds: string[] }> {
  const [person] = await tx.select().from(persons).where(eq(persons.id, personId)).limit(1);
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
  const candidateIds: string[] = [];
  for (const other of others) {
    const reasons = matchReasons(person, other);
    if (!reasons.length) continue;
    const [personAId, personBId] = orderedPair(person.id, other.id);
    const inserted = await tx.insert(matchCandidates).values({ personAId, personBId, reasons }).onConflictDoNothing().returning({ id: matchCandidates.id });
    if (inserted[0]) candidateIds.push(inserted[0].id);
  }
  return { proposed: candidateIds.length, candidateIds };
}

/** The person appears in a case, as victim or suspect, that the actor may see (victim-level for referrals). */
export function personVisibleCondition(tx: Tx, actor: Actor, personId: AnyPgColumn): SQL {
  const asVictim = tx
    .select({ one: sql`1` })
    .from(caseVictims)
    .innerJoin(cases, eq(cases.id, caseVictims.caseId))
    .where(and(eq(caseVictims.personId, personId), visibleVictimCondition(actor)));
  const asSuspect = tx
    .select({ one: sql`1` })
    .from(caseSuspects)
    .innerJoin(cases, eq(cases.id, caseSuspects.caseId))
    .where(and(eq(caseSuspects.personId, personId), wholeCaseCondition(actor)));
  return or(exists(asVictim), exists(asSuspect))!;
}

export async function visiblePersonIds(tx: Tx, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx.select({ id: persons.id }).from(persons).where(and(inArray(persons.id, ids), personVisibleCondition(tx, actor, persons.id)));
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
 * across scopes; it returns only unit and institution names.
 */
export async function unsafeContactsOf(tx: Tx, personIds: string[]) {
  if (!personIds.length) return [];
  const holders = (link: typeof caseVictims | typeof caseSuspects) =>
    tx
      .selectDistinct({ personId: link.personId, unitName: units.name, institutionName: institutions.name })
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

/** Candidates where at least one of the two persons is visible to the actor. */
export function visibleCandidateCondition(tx: Tx, actor: Actor): SQL {
  return or(personVisibleCondition(tx, actor, matchCandidates.personAId), personVisibleCondition(tx, actor, matchCandidates.personBId))!;
}
