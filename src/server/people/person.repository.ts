import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import type { PersonCreate } from '../../contracts/people';
import type { Tx } from '../../db/connect';
import { cases, caseSuspects, caseVictims, persons } from '../../db/schema';
import type { Actor } from '../context';
import type { Cipher } from '../crypto/cipher';
import { notFound } from '../errors/app-error';
import { identifiedSuspectCondition, identifiedVictimCondition, ownedPersonCondition, visiblePersonCondition } from '../policy';
import { decodeIdentity, encodeIdentity, mergeIdentity } from './identity';

export type PersonRow = typeof persons.$inferSelect;

/**
 * The columns of a new person: identity encrypted, blind indexes computed (one definition for one and many).
 * `id` is chosen here so the rows of a multi-row insert can be matched back to their inputs.
 */
export function personRowValues(cipher: Cipher, institutionId: string, input: PersonCreate, requestHash: string | null = null) {
  const identity = mergeIdentity(decodeIdentity(cipher, null), input.identity ?? {});
  const birthYearFromDate = identity.birthDate ? Number(identity.birthDate.slice(0, 4)) : null;
  return {
    id: randomUUID(),
    externalId: input.externalId ?? null,
    requestHash,
    createdByInstitutionId: institutionId,
    ...encodeIdentity(cipher, identity),
    sex: input.sex ?? 'unknown',
    genderIdentity: input.genderIdentity ?? null,
    birthYear: input.birthYear ?? birthYearFromDate,
    nationalities: input.nationalities ?? [],
    indigenousPeople: input.indigenousPeople ?? null,
    nativeLanguage: input.nativeLanguage ?? null,
    originUbigeo: input.originUbigeo ?? null,
    originCountry: input.originCountry ?? null,
    education: input.education ?? null,
    disability: input.disability ?? null,
    hasIdentityDocument: input.hasIdentityDocument ?? (identity.document ? 'yes' : 'unknown'),
  } satisfies typeof persons.$inferInsert;
}

/** Inserts a new person (inside a case registration): identity encrypted, blind indexes computed. */
export async function insertPerson(tx: Tx, cipher: Cipher, institutionId: string, input: PersonCreate, requestHash: string | null = null): Promise<PersonRow> {
  return (await insertPersons(tx, cipher, institutionId, [input], requestHash))[0]!;
}

/** Several new persons in one statement; the rows come back in the order of `inputs`. */
export async function insertPersons(tx: Tx, cipher: Cipher, institutionId: string, inputs: readonly PersonCreate[], requestHash: string | null = null): Promise<PersonRow[]> {
  if (!inputs.length) return [];
  const values = inputs.map((input) => personRowValues(cipher, institutionId, input, requestHash));
  const rows = await tx.insert(persons).values(values).returning();
  // RETURNING of a multi-row insert has no documented order: back to input order by the ids chosen above.
  const byId = new Map(rows.map((r) => [r.id, r]));
  return values.map((v) => byId.get(v.id)!);
}

export async function findVisiblePerson(tx: Tx, actor: Actor, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(persons).where(and(eq(persons.id, id), visiblePersonCondition(actor))).limit(1);
  return row;
}

export async function loadVisiblePerson(tx: Tx, actor: Actor, id: string): Promise<PersonRow> {
  const row = await findVisiblePerson(tx, actor, id);
  if (!row) throw notFound('person');
  return row;
}

export async function isPersonOwned(tx: Tx, actor: Actor, id: string): Promise<boolean> {
  const rows = await tx.select({ id: persons.id }).from(persons).where(and(eq(persons.id, id), ownedPersonCondition(actor))).limit(1);
  return rows.length > 0;
}

/**
 * The cases a person appears in, and in which role, as far as the actor may know them: victim links
 * where that victim is open to the actor (whole case or referred), suspect links only in cases seen whole.
 * A referral never reveals that the same person is a suspect elsewhere; analyst-wide reading links nobody.
 */
export async function personCaseLinks(tx: Tx, actor: Actor, personIds: string[]) {
  if (personIds.length === 0) return [];
  const ids = sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `);
  const victimLinks = await tx
    .select({ personId: caseVictims.personId, caseId: cases.id, caseCode: cases.code, linkId: caseVictims.id })
    .from(caseVictims)
    .innerJoin(cases, eq(cases.id, caseVictims.caseId))
    .where(and(sql`${caseVictims.personId} in (${ids})`, identifiedVictimCondition(actor)))
    .orderBy(asc(cases.code));
  const suspectLinks = await tx
    .select({ personId: caseSuspects.personId, caseId: cases.id, caseCode: cases.code, linkId: caseSuspects.id })
    .from(caseSuspects)
    .innerJoin(cases, eq(cases.id, caseSuspects.caseId))
    .where(and(sql`${caseSuspects.personId} in (${ids})`, identifiedSuspectCondition(actor)))
    .orderBy(asc(cases.code));
  return [...victimLinks.map((l) => ({ ...l, role: 'victim' as const })), ...suspectLinks.map((l) => ({ ...l, role: 'suspect' as const }))];
}

/** Exact search through blind indexes, among the persons the actor may see. */
export async function searchPersons(tx: Tx, actor: Actor, hashes: { documentHash?: string; nameHash?: string }, page: { page: number; pageSize: number }) {
  const matches: SQL[] = [];
  if (hashes.documentHash) matches.push(eq(persons.documentHash, hashes.documentHash));
  if (hashes.nameHash) matches.push(eq(persons.nameHash, hashes.nameHash));
  const where = and(or(...matches), visiblePersonCondition(actor));
  const [rows, [total]] = await Promise.all([
    tx.select().from(persons).where(where).orderBy(asc(persons.createdAt), asc(persons.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`${count()}::int` }).from(persons).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
