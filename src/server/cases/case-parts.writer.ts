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
import { proposeMatches } from '../matching/matching.repository';
import { findVisiblePerson, insertPerson, loadVisiblePerson } from '../people/person.repository';

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
  const { view, created } = await idempotentCreate(tx, deps.cipher, {
    kind: 'person',
    externalId: input.person?.externalId,
    body: input.person ?? {},
    constraint: 'persons_external_idx',
    find: async (q, externalId) => (await findOwnExternal(q, ctx, externalId))[0],
    replay: (q, row) => reuseExternal(q, ctx, row),
    create: async (sp, requestHash) => ({ person: await insertPerson(sp, deps.cipher, ctx.actor.institutionId, input.person ?? {}, requestHash), newPerson: true }),
  });
  // Possible duplicates elsewhere go to the review queue (blind indexes only, no identity leaves).
  if (created) await proposeMatches(tx, view.person.id, ctx.actor.userId);
  return view;
}

async function insertLink<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('case.person_already_linked');
    throw error;
  }
}

/** Links a victim to a case (input already validated). */
export async function attachVictim(tx: Tx, deps: Deps, ctx: Ctx, caseId: string, input: VictimCreate) {
  const { person, newPerson } = await resolvePerson(tx, deps, ctx, input);
  const [row] = await insertLink(() =>
    tx
      .insert(caseVictims)
      .values({
        caseId, personId: person.id,
        // clock_timestamp, not now(): victims and suspects keep the order they were given in one transaction.
        createdAt: sql`clock_timestamp()`,
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
      })
      .returning(),
  );
  return { ...row!, person, newPerson };
}

export async function attachSuspect(tx: Tx, deps: Deps, ctx: Ctx, caseId: string, input: SuspectCreate) {
  const { person, newPerson } = await resolvePerson(tx, deps, ctx, input);
  const [row] = await insertLink(() =>
    tx
      .insert(caseSuspects)
      .values({
        caseId, personId: person.id,
        // clock_timestamp, not now(): victims and suspects keep the order they were given in one transaction.
        createdAt: sql`clock_timestamp()`,
        roles: input.roles ?? [],
        relationshipToVictims: input.relationshipToVictims ?? null,
        isPublicOfficial: input.isPublicOfficial ?? false,
        officialInstitution: input.officialInstitution ?? null,
        organisedGroupMember: input.organisedGroupMember ?? false,
      })
      .returning(),
  );
  return { ...row!, person, newPerson };
}

/** A UBIGEO place is in Peru; a country place has no UBIGEO (and `PER` alone means "in Peru, department unknown"). */
export async function attachPlace(tx: Tx, caseId: string, input: PlaceCreate) {
  const [row] = await tx
    .insert(casePlaces)
    .values({
      caseId, kind: input.kind,
      ubigeo: input.ubigeo ?? null,
      country: input.ubigeo ? 'PER' : input.country!,
      departmentCode: input.ubigeo ? departmentOf(input.ubigeo) : null,
    })
    .returning();
  return row!;
}
