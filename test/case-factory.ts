import { eq, inArray } from 'drizzle-orm';
import { countryToday } from '../src/core/country-date';
import { partialDateBounds } from '../src/core/partial-date';
import type { Role } from '../src/core/permissions';
import { cases, caseSuspects, caseVictims, persons } from '../src/db/schema';
import { createAdminService } from '../src/server/admin/admin.service';
import { loadActor } from '../src/server/auth/actor';
import { createCaseService } from '../src/server/cases/case.service';
import { systemCtx, type Ctx } from '../src/server/context';
import type { Deps } from '../src/server/deps';
import { addUbigeos } from '../src/server/hotline/hotline.test-helpers';
import { uniqueCode } from './factories';

export interface CaseFactoryVictim {
  sex?: 'female' | 'male' | 'unknown';
  ageYears?: number | null;
  ageEstimated?: boolean;
  ageVerified?: boolean;
  hasIdentityDocument?: 'yes' | 'no' | 'unknown';
  nationalities?: string[];
  originUbigeo?: string | null;
  exploitationForms?: string[];
  identificationStatus?: string;
  consentToServices?: boolean | null;
  givenNames?: string;
  familyNames?: string;
  document?: { type: string; number: string };
}

export interface CaseFactoryInput {
  registeredAt?: Date;
  reportedOn?: string;
  factsDateFrom?: string;
  acts?: string[];
  means?: string[];
  purposes?: string[];
  sectors?: string[];
  source?: string;
  victims?: CaseFactoryVictim[];
  suspects?: Array<{ sex?: 'female' | 'male' | 'unknown'; isPublicOfficial?: boolean; nationalities?: string[] }>;
  places?: Array<{ kind: string; ubigeo?: string; country?: string }>;
}

/** A registrar of the owner's unit, made once per unit, for owners given without a user. */
const registrars = new WeakMap<Deps, Map<string, Promise<string>>>();
function registrarOf(deps: Deps, institutionId: string, unitId: string): Promise<string> {
  const byUnit = registrars.get(deps) ?? new Map<string, Promise<string>>();
  registrars.set(deps, byUnit);
  let made = byUnit.get(unitId);
  if (!made) {
    const username = uniqueCode('factory').toLowerCase();
    made = createAdminService(deps)
      .createUser(systemCtx('test'), {
        username, displayName: username, institutionId, unitId, roles: ['registrar' as Role], scope: { national: true, departments: [] }, password: 'Correct-Horse-Battery-9', isServiceAccount: false,
      })
      .then((u) => u.id);
    byUnit.set(unitId, made);
  }
  return made;
}

async function registeringCtx(deps: Deps, owner: { institutionId: string; unitId: string; id?: string }): Promise<Ctx> {
  const ctxOf = async (userId: string): Promise<Ctx | null> => {
    const actor = await loadActor(deps.db, userId);
    return actor ? { actor, requestId: 'test-factory', locale: 'en', accessReason: 'test factory' } : null;
  };
  // The owner registers when it may write identity (the factory gives every person a name); else a
  // registrar of the same unit does, so the case is the unit's either way.
  const own = owner.id ? await ctxOf(owner.id) : null;
  if (own && own.actor.permissions.has('identity.write') && own.actor.unitId === owner.unitId) return own;
  return (await ctxOf(await registrarOf(deps, owner.institutionId, owner.unitId)))!;
}

/**
 * Registers a complete case through the case service (the path POST /api/v1/cases takes: validation,
 * persons, places, registration event, facts kept in the transaction, audit), for tests of other features
 * that need cases to exist. `registeredAt` dates the registration in the past through the service's clock.
 * Returns the stored rows (case, victims with their person, suspects with theirs).
 */
export async function makeCase(deps: Deps, owner: { institutionId: string; unitId: string | null; id?: string }, input: CaseFactoryInput = {}) {
  if (!owner.unitId) throw new Error('makeCase needs an owner with a unit');
  const ctx = await registeringCtx(deps, { institutionId: owner.institutionId, unitId: owner.unitId, id: owner.id });
  const registeredAt = input.registeredAt ?? new Date();
  const places = (input.places ?? []).map((p) => (p.ubigeo ? { kind: p.kind, ubigeo: p.ubigeo } : { kind: p.kind, country: p.country ?? 'PER' }));
  // Provinces and districts the tests name (the built-in reference has departments only).
  const codes = [...places.map((p) => p.ubigeo), ...(input.victims ?? []).map((v) => v.originUbigeo)].filter((c): c is string => !!c && c.length > 2);
  if (codes.length) await addUbigeos(deps, [...new Set(codes.flatMap((c) => (c.length === 6 ? [c.slice(0, 4), c] : [c])))]);
  const body = {
    unitId: owner.unitId,
    source: input.source ?? 'complaint',
    reportedOn: input.reportedOn ?? countryToday(registeredAt),
    factsDateFrom: input.factsDateFrom ?? '2025-03',
    acts: input.acts ?? ['recruitment'],
    means: input.means ?? ['deception'],
    purposes: input.purposes ?? ['sexual_exploitation'],
    sectors: input.sectors ?? [],
    places,
    victims: (input.victims ?? [{}]).map((v) => ({
      person: {
        sex: v.sex ?? 'female',
        nationalities: v.nationalities ?? ['PER'],
        originUbigeo: v.originUbigeo ?? null,
        hasIdentityDocument: v.hasIdentityDocument ?? 'unknown',
        identity: { givenNames: v.givenNames ?? 'Ana', familyNames: v.familyNames ?? 'Quispe', ...(v.document ? { document: v.document } : {}) },
      },
      ageYears: v.ageYears === undefined ? 20 : v.ageYears,
      ageEstimated: v.ageEstimated ?? false,
      ageVerified: v.ageVerified ?? true,
      exploitationForms: v.exploitationForms ?? input.purposes ?? ['sexual_exploitation'],
      identificationStatus: v.identificationStatus ?? 'possible_victim',
      consentToServices: v.consentToServices === undefined ? true : v.consentToServices,
    })),
    suspects: (input.suspects ?? []).map((s) => ({
      person: { sex: s.sex ?? 'male', nationalities: s.nationalities ?? ['PER'], identity: { givenNames: 'Juan', familyNames: 'Pérez' } },
      isPublicOfficial: s.isPublicOfficial ?? false,
    })),
  };
  const { view } = await createCaseService(deps, { now: () => registeredAt }).create(ctx, body as never);
  return storedRows(deps, view.id, view.victims.map((v) => v.id), view.suspects.map((s) => s.id));
}

/** The stored rows of a registered case, in the order given at registration. */
async function storedRows(deps: Deps, caseId: string, victimIds: string[], suspectIds: string[]) {
  const { db } = deps;
  const [caseRow] = await db.select().from(cases).where(eq(cases.id, caseId));
  const order = (ids: string[]) => (a: { id: string }, b: { id: string }) => ids.indexOf(a.id) - ids.indexOf(b.id);
  const victims = (await db.select().from(caseVictims).where(eq(caseVictims.caseId, caseId))).sort(order(victimIds));
  const suspects = (await db.select().from(caseSuspects).where(eq(caseSuspects.caseId, caseId))).sort(order(suspectIds));
  const ids = [...victims.map((v) => v.personId), ...suspects.map((s) => s.personId)];
  const people = ids.length ? await db.select().from(persons).where(inArray(persons.id, ids)) : [];
  const personOf = new Map(people.map((p) => [p.id, p]));
  return {
    case: caseRow!,
    victims: victims.map((v) => ({ ...v, person: personOf.get(v.personId)! })),
    suspects: suspects.map((s) => ({ ...s, person: personOf.get(s.personId)! })),
  };
}

/** Kept for callers of the factory: the bounds of a partial date, from src/core/partial-date. */
export const factsBounds = partialDateBounds;
