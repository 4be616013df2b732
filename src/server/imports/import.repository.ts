import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { caseSuspects, caseVictims, cases, hotlineCalls, institutions, justiceEvents, operations, persons, referrals, units } from '../../db/schema';

/**
 * The look-ups of the bulk import: references by the sender's own numbers (always within the importer's
 * institution: another institution's numbers are never looked up) and by RETA codes of institutions and units.
 */
export async function findInstitutionByCode(tx: Tx, code: string) {
  const [row] = await tx.select({ id: institutions.id }).from(institutions).where(eq(institutions.code, code)).limit(1);
  return row?.id;
}

export async function findUnitByCode(tx: Tx, institutionId: string, code: string) {
  const [row] = await tx.select({ id: units.id }).from(units).where(and(eq(units.institutionId, institutionId), eq(units.code, code))).limit(1);
  return row?.id;
}

/** Which of the codes name no institution. */
export async function unknownInstitutionCodes(tx: Tx, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const found = new Set((await tx.select({ code: institutions.code }).from(institutions).where(inArray(institutions.code, codes))).map((r) => r.code));
  return codes.filter((c) => !found.has(c));
}

/** The case link (case_suspects / case_victims id) of the sender's person in the sender's case. */
export async function findOwnPartyLink(tx: Tx, institutionId: string, part: 'victim' | 'suspect', caseExternalId: string, personExternalId: string) {
  const table = part === 'victim' ? caseVictims : caseSuspects;
  const [row] = await tx
    .select({ id: table.id, caseId: cases.id })
    .from(table)
    .innerJoin(cases, eq(cases.id, table.caseId))
    .innerJoin(persons, eq(persons.id, table.personId))
    .where(and(eq(cases.registeredByInstitutionId, institutionId), eq(cases.externalId, caseExternalId), eq(persons.createdByInstitutionId, institutionId), eq(persons.externalId, personExternalId)))
    .limit(1);
  return row;
}

/** The party keys (`case|person`) among those given that the registry already holds for the institution. */
export async function existingPartyKeys(tx: Tx, institutionId: string, part: 'victim' | 'suspect', personExternalIds: string[]): Promise<Set<string>> {
  if (!personExternalIds.length) return new Set();
  const table = part === 'victim' ? caseVictims : caseSuspects;
  const rows = await tx
    .select({ caseId: cases.externalId, personId: persons.externalId })
    .from(table)
    .innerJoin(cases, eq(cases.id, table.caseId))
    .innerJoin(persons, eq(persons.id, table.personId))
    .where(and(eq(cases.registeredByInstitutionId, institutionId), eq(persons.createdByInstitutionId, institutionId), inArray(persons.externalId, personExternalIds)));
  return new Set(rows.map((r) => `${r.caseId}|${r.personId}`));
}

/** Victims' consent to services on record, keyed `case|person`. */
export async function victimConsents(tx: Tx, institutionId: string, personExternalIds: string[]): Promise<Map<string, boolean | null>> {
  if (!personExternalIds.length) return new Map();
  const rows = await tx
    .select({ caseId: cases.externalId, personId: persons.externalId, consent: caseVictims.consentToServices })
    .from(caseVictims)
    .innerJoin(cases, eq(cases.id, caseVictims.caseId))
    .innerJoin(persons, eq(persons.id, caseVictims.personId))
    .where(and(eq(cases.registeredByInstitutionId, institutionId), eq(persons.createdByInstitutionId, institutionId), inArray(persons.externalId, personExternalIds)));
  return new Map(rows.map((r) => [`${r.caseId}|${r.personId}`, r.consent]));
}

const ownedBy = {
  operations: { table: operations, owner: operations.institutionId, ext: operations.externalId },
  hotline_calls: { table: hotlineCalls, owner: hotlineCalls.institutionId, ext: hotlineCalls.externalId },
  justice_events: { table: justiceEvents, owner: justiceEvents.institutionId, ext: justiceEvents.externalId },
  referrals: { table: referrals, owner: referrals.fromInstitutionId, ext: referrals.externalId },
} as const;

/** How many of the sender's numbers the registry already holds, for the dry run's counts. */
export async function existingExternalIds(tx: Tx, entity: keyof typeof ownedBy, institutionId: string, externalIds: string[]): Promise<Set<string>> {
  if (!externalIds.length) return new Set();
  const { table, owner, ext } = ownedBy[entity];
  const rows = await tx.select({ id: ext }).from(table).where(and(eq(owner, institutionId), inArray(ext, externalIds)));
  return new Set(rows.map((r) => r.id!));
}

/** The dates the law is chosen by (justice.policy `factsOf`) of the sender's cases in the registry, by the sender's number. */
export async function ownCaseFacts(tx: Tx, institutionId: string, caseExternalIds: string[]) {
  if (!caseExternalIds.length) return new Map<string, { factsStart: string | null; factsDateFrom: string | null; reportedOn: string }>();
  const rows = await tx
    .select({ externalId: cases.externalId, factsStart: cases.factsStart, factsDateFrom: cases.factsDateFrom, reportedOn: cases.reportedOn })
    .from(cases)
    .where(and(eq(cases.registeredByInstitutionId, institutionId), inArray(cases.externalId, caseExternalIds)));
  return new Map(rows.map(({ externalId, ...facts }) => [externalId!, facts]));
}
