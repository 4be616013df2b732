import { and, eq, sql } from 'drizzle-orm';
import type { PlaceCreate, SuspectCreate, VictimCreate } from '../../contracts/cases';
import { departmentOf } from '../../core/geo/departments';
import type { Tx } from '../../db/connect';
import { casePlaces, caseSuspects, caseVictims, persons } from '../../db/schema';
import { isSystemActor, type Ctx } from '../context';
import { isUniqueViolation } from '../db-errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import type { Deps } from '../deps';
import { conflict } from '../errors/app-error';
import { enqueueMatches } from '../matching/match-queue';
import { findVisiblePerson, insertPerson, insertPersons, loadVisiblePerson } from '../people/person.repository';

const findOwnExternal = (tx: Tx, ctx: Ctx, externalId: string) =>
  tx.select().from(persons).where(and(eq(persons.createdByInstitutionId, ctx.actor.institutionId), eq(persons.externalId, externalId))).limit(1);

/** An existing person under the institution's own external id: reused only when the actor may see it. */
async function reuseExternal(tx: Tx, ctx: Ctx, existing: typeof persons.$inferSelect) {
  // Never a back door to someone outside the actor's scope.
  if (!(await findVisiblePerson(tx, ctx.actor, existing.id))) throw conflict('case.person_external_id_taken');
  return { person: existing, newPerson: false };
}

/**
 * The person of a victim or suspect: an existing one the actor can see, or a new one. A person sent again under
 * the same external id (the sender's own record number) is the same person when the data is the same; different
 * data under that number is refused (409 idempotency.mismatch), never silently dropped.
 */
async function resolvePerson(tx: Tx, deps: Deps, ctx: Ctx, input: VictimCreate | SuspectCreate) {
  if (input.personId) return { person: await loadVisiblePerson(tx, ctx.actor, input.personId), newPerson: false };
  // Without an external id there is no replay to race with: no savepoint needed (resolvePersons inserts these together).
  if (!input.person?.externalId) return { person: await insertPerson(tx, deps.cipher, ctx.actor.institutionId, input.person ?? {}, null), newPerson: true };
  const { view } = await idempotentCreate(tx, deps.cipher, {
    kind: 'person',
    externalId: input.person?.externalId,
    body: input.person ?? {},
    constraint: 'persons_external_idx',
    find: async (q, externalId) => (await findOwnExternal(q, ctx, externalId))[0],
    replay: (q, row) => reuseExternal(q, ctx, row),
    create: async (sp, requestHash) => ({ person: await insertPerson(sp, deps.cipher, ctx.actor.institutionId, input.person ?? {}, requestHash), newPerson: true }),
  });
  return view;
}

type ResolvedPerson = { person: typeof persons.$inferSelect; newPerson: boolean };

/**
 * The persons of several victims or suspects, in order. New persons without an external id (nothing to
 * replay) are inserted together in one statement; the others go one by one through resolvePerson. New
 * persons are queued for duplicate matching (blind indexes only, no identity leaves) in one statement, which
 * runs after commit: see drainMatchQueue.
 */
export async function resolvePersons(tx: Tx, deps: Deps, ctx: Ctx, inputs: ReadonlyArray<VictimCreate | SuspectCreate>): Promise<ResolvedPerson[]> {
  const plain = (input: VictimCreate | SuspectCreate) => !input.personId && !input.person?.externalId;
  const fresh = await insertPersons(tx, deps.cipher, ctx.actor.institutionId, inputs.filter(plain).map((input) => input.person ?? {}));
  let next = 0;
  const resolved: ResolvedPerson[] = [];
  for (const input of inputs) resolved.push(plain(input) ? { person: fresh[next++]!, newPerson: true } : await resolvePerson(tx, deps, ctx, input));
  await enqueueMatches(tx, resolved.filter((r) => r.newPerson).map((r) => r.person.id), ctx.actor.userId);
  return resolved;
}

async function insertLink<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('case.person_already_linked');
    throw error;
  }
}

/**
 * clock_timestamp() plus the position in microseconds: victims and suspects keep the order they were given,
 * also within one multi-row insert (clock_timestamp() alone may repeat within a statement).
 */
export const orderedNow = (i: number) => sql`clock_timestamp() + ${i}::int * interval '1 microsecond'`;

/** The columns of a victim's link to a case (besides case, person and order): one definition for one and many. */
export const victimLinkValues = (ctx: Ctx, input: VictimCreate) => ({
  identificationStatus: input.identificationStatus ?? 'possible_victim',
  // Set by the server, never by the client: whoever records an identification decision on creation.
  identifiedByInstitutionId: input.identificationStatus && input.identificationStatus !== 'possible_victim' && !isSystemActor(ctx.actor) ? ctx.actor.institutionId : null,
  identifiedOn: input.identifiedOn ?? null,
  ageYears: input.ageYears ?? null,
  ageEstimated: input.ageEstimated ?? false,
  ageVerified: input.ageVerified ?? false,
  ageBand: input.ageBand ?? null,
  exploitationForms: input.exploitationForms ?? [],
  means: input.means ?? [],
  relationshipToRecruiter: input.relationshipToRecruiter ?? null,
  monthsInExploitation: input.monthsInExploitation ?? null,
  consentToServices: input.consentToServices ?? null,
  consentToDataSharing: input.consentToDataSharing ?? null,
  housedOnIdentification: input.housedOnIdentification ?? null,
  deathOrSeriousInjury: input.deathOrSeriousInjury ?? null,
});

/** The columns of a suspect's link to a case (besides case, person and order). */
export const suspectLinkValues = (input: SuspectCreate) => ({
  roles: input.roles ?? [],
  relationshipToVictims: input.relationshipToVictims ?? null,
  isPublicOfficial: input.isPublicOfficial ?? false,
  officialInstitution: input.officialInstitution ?? null,
  organisedGroupMember: input.organisedGroupMember ?? false,
});

/**
 * Links victims to a case in one insert (input already validated); the rows come back in input order.
 * `people`: their persons when the caller resolved them already (a registration resolves victims and
 * suspects together).
 */
export async function attachVictims(tx: Tx, deps: Deps, ctx: Ctx, caseId: string, inputs: readonly VictimCreate[], people?: ResolvedPerson[]) {
  if (!inputs.length) return [];
  const resolved = people ?? (await resolvePersons(tx, deps, ctx, inputs));
  const rows = await insertLink(() =>
    tx
      .insert(caseVictims)
      .values(inputs.map((input, i) => ({ caseId, personId: resolved[i]!.person.id, createdAt: orderedNow(i), ...victimLinkValues(ctx, input) })))
      .returning(),
  );
  return inOrder(rows, resolved);
}

/** Links suspects to a case in one insert; the rows come back in input order (`people`: see attachVictims). */
export async function attachSuspects(tx: Tx, deps: Deps, ctx: Ctx, caseId: string, inputs: readonly SuspectCreate[], people?: ResolvedPerson[]) {
  if (!inputs.length) return [];
  const resolved = people ?? (await resolvePersons(tx, deps, ctx, inputs));
  const rows = await insertLink(() =>
    tx
      .insert(caseSuspects)
      .values(inputs.map((input, i) => ({ caseId, personId: resolved[i]!.person.id, createdAt: orderedNow(i), ...suspectLinkValues(input) })))
      .returning(),
  );
  return inOrder(rows, resolved);
}

/** RETURNING of a multi-row insert has no documented order: match each input's person to its row. */
function inOrder<R extends { personId: string }>(rows: R[], resolved: ResolvedPerson[]) {
  const byPerson = new Map(rows.map((r) => [r.personId, r]));
  return resolved.map((p) => ({ ...byPerson.get(p.person.id)!, person: p.person, newPerson: p.newPerson }));
}

export const attachVictim = async (tx: Tx, deps: Deps, ctx: Ctx, caseId: string, input: VictimCreate) => (await attachVictims(tx, deps, ctx, caseId, [input]))[0]!;
export const attachSuspect = async (tx: Tx, deps: Deps, ctx: Ctx, caseId: string, input: SuspectCreate) => (await attachSuspects(tx, deps, ctx, caseId, [input]))[0]!;

export const placeValues = (caseId: string, input: PlaceCreate) => ({
  caseId, kind: input.kind,
  ubigeo: input.ubigeo ?? null,
  country: input.ubigeo ? 'PER' : input.country!,
  departmentCode: input.ubigeo ? departmentOf(input.ubigeo) : null,
});

/** A UBIGEO place is in Peru; a country place has no UBIGEO (and `PER` alone means "in Peru, department unknown"). */
export async function attachPlaces(tx: Tx, caseId: string, inputs: readonly PlaceCreate[]) {
  if (!inputs.length) return [];
  return tx.insert(casePlaces).values(inputs.map((p) => placeValues(caseId, p))).returning();
}

/** Places in loadCaseParts' order (kind, then id; ids are lower-case uuids, which sort as PostgreSQL sorts them). */
export const inPlaceOrder = <P extends { kind: string; id: string }>(places: readonly P[]): P[] =>
  [...places].sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : 1) : a.kind < b.kind ? -1 : 1));

export const attachPlace = async (tx: Tx, caseId: string, input: PlaceCreate) => (await attachPlaces(tx, caseId, [input]))[0]!;
