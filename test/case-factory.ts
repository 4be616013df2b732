import { readFileSync } from 'node:fs';
import { eq, inArray } from 'drizzle-orm';
import type { CaseCreate } from '../src/contracts/cases';
import type { Role } from '../src/core/permissions';
import { countryToday } from '../src/core/country-date';
import { partialDateBounds } from '../src/core/partial-date';
import { cases, caseSuspects, caseVictims, institutions, persons } from '../src/db/schema';
import { createAdminService } from '../src/server/admin/admin.service';
import { loadActor } from '../src/server/auth/actor';
import { createCaseService } from '../src/server/cases/case.service';
import { systemCtx, type Ctx } from '../src/server/context';
import type { Deps } from '../src/server/deps';
import { AppError } from '../src/server/errors/app-error';
import { createReferenceService } from '../src/server/reference/reference.service';
import { uniqueCode } from './factories';
import { referenceFile } from './reference-data';

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

export interface CaseOwner {
  institutionId: string;
  unitId: string | null;
  /** A user of that institution who registers the case; without one, a registrar of the unit is made once. */
  id?: string;
}

/**
 * Registers a complete case through the case service, the path the API takes (validation, encryption,
 * blind indexes, case code, audit, statistics facts, duplicate matching), for tests of other features
 * that need cases to exist. `registeredAt` sets the service's clock, so records dated in the past are
 * registered as they would have been on that day. Returns the stored rows.
 */
export async function makeCase(deps: Deps, owner: CaseOwner, input: CaseFactoryInput = {}) {
  if (!owner.unitId) throw new Error('makeCase needs an owner with a unit');
  const registeredAt = input.registeredAt ?? new Date();
  const ctx = await registrarCtx(deps, owner);
  await ensureDistricts(deps, input);
  const { view } = await createCaseService(deps, { now: () => registeredAt })
    .create(ctx, caseCreateOf(input, owner.unitId, registeredAt))
    .catch((error: unknown) => {
      // The registry refused what the test asked for: say which fields, as the API would.
      if (error instanceof AppError) throw new Error(`makeCase: ${error.code} ${JSON.stringify(error.fields ?? {})}`, { cause: error });
      throw error;
    });
  return storedCase(deps, view.id, view.victims.map((v) => v.id), view.suspects.map((s) => s.id));
}

/** The factory's defaults, written as a registrar would send them. */
function caseCreateOf(input: CaseFactoryInput, unitId: string, registeredAt: Date): CaseCreate {
  const purposes = input.purposes ?? ['sexual_exploitation'];
  return {
    unitId,
    source: (input.source ?? 'complaint') as CaseCreate['source'],
    reportedOn: input.reportedOn ?? countryToday(registeredAt),
    factsDateFrom: input.factsDateFrom ?? '2025-03',
    acts: (input.acts ?? ['recruitment']) as CaseCreate['acts'],
    means: (input.means ?? ['deception']) as CaseCreate['means'],
    purposes: purposes as CaseCreate['purposes'],
    sectors: (input.sectors ?? []) as CaseCreate['sectors'],
    victims: (input.victims ?? [{}]).map((v) => ({
      person: {
        sex: v.sex ?? 'female',
        nationalities: v.nationalities ?? ['PER'],
        originUbigeo: v.originUbigeo ?? null,
        hasIdentityDocument: v.hasIdentityDocument ?? 'unknown',
        identity: { givenNames: v.givenNames ?? 'Ana', familyNames: v.familyNames ?? 'Quispe', document: v.document as never },
      },
      ageYears: v.ageYears === undefined ? 20 : v.ageYears,
      ageEstimated: v.ageEstimated ?? false,
      ageVerified: v.ageVerified ?? true,
      exploitationForms: (v.exploitationForms ?? purposes) as never,
      identificationStatus: (v.identificationStatus ?? 'possible_victim') as never,
      consentToServices: v.consentToServices === undefined ? true : v.consentToServices,
    })),
    suspects: (input.suspects ?? []).map((s) => ({
      person: { sex: s.sex ?? 'male', nationalities: s.nationalities ?? ['PER'], identity: { givenNames: 'Juan', familyNames: 'Pérez' } },
      isPublicOfficial: s.isPublicOfficial ?? false,
    })),
    places: (input.places ?? []).map((p) => ({ kind: p.kind as never, ubigeo: p.ubigeo ?? null, country: p.country ?? (p.ubigeo ? null : 'PER') })),
  };
}

const districtsLoaded = new WeakMap<Deps, Promise<unknown>>();

/**
 * Only the 25 departments are built in; a case placed in a province or district needs Peru's UBIGEO list,
 * loaded once per registry through the product's own import (from ../shared/reference, never copied).
 */
async function ensureDistricts(deps: Deps, input: CaseFactoryInput) {
  const codes = [...(input.places ?? []).map((p) => p.ubigeo), ...(input.victims ?? []).map((v) => v.originUbigeo)];
  if (!codes.some((code) => code && code.length > 2)) return;
  if (!districtsLoaded.has(deps)) {
    districtsLoaded.set(deps, createReferenceService(deps).importUbigeoCsv(systemCtx('test'), readFileSync(referenceFile('ubigeo_distrito.csv'), 'utf8')));
  }
  await districtsLoaded.get(deps);
}

/** Who may register cases in each kind of institution. */
const registeringRole: Record<string, Role> = { prosecution: 'prosecutor', labour_inspection: 'labour_inspector' };
const registrars = new WeakMap<Deps, Map<string, string>>();

/** The owner's own user, or one registrar per unit made through the admin service. */
async function registrarCtx(deps: Deps, owner: CaseOwner): Promise<Ctx> {
  const made = registrars.get(deps) ?? new Map<string, string>();
  registrars.set(deps, made);
  let userId = owner.id ?? made.get(owner.unitId!);
  if (!userId) {
    const [institution] = await deps.db.select({ kind: institutions.kind }).from(institutions).where(eq(institutions.id, owner.institutionId));
    const username = uniqueCode('factory-registrar').toLowerCase();
    const user = await createAdminService(deps).createUser(systemCtx('test'), {
      username, displayName: username, institutionId: owner.institutionId, unitId: owner.unitId, isServiceAccount: false,
      roles: [registeringRole[institution?.kind ?? ''] ?? 'registrar'], scope: { national: true, departments: [] }, password: 'Factory-Registrar-Password-2026',
    });
    userId = user.id;
    made.set(owner.unitId!, userId);
  }
  const actor = await loadActor(deps.db, userId);
  if (!actor) throw new Error(`makeCase: user ${userId} is unknown or disabled`);
  return { actor, requestId: 'test-case-factory', locale: 'es' };
}

/** The rows the registration stored, victims and suspects in the order they were given. */
async function storedCase(deps: Deps, caseId: string, victimIds: string[], suspectIds: string[]) {
  const { db } = deps;
  const [caseRow] = await db.select().from(cases).where(eq(cases.id, caseId));
  const inOrder = <T extends { id: string }>(rows: T[], ids: string[]) => ids.map((id) => rows.find((r) => r.id === id)!);
  const victimRows = inOrder(await db.select().from(caseVictims).where(eq(caseVictims.caseId, caseId)), victimIds);
  const suspectRows = inOrder(await db.select().from(caseSuspects).where(eq(caseSuspects.caseId, caseId)), suspectIds);
  const personIds = [...victimRows, ...suspectRows].map((r) => r.personId);
  const people = new Map((personIds.length ? await db.select().from(persons).where(inArray(persons.id, personIds)) : []).map((p) => [p.id, p]));
  return {
    case: caseRow!,
    victims: victimRows.map((v) => ({ ...v, person: people.get(v.personId)! })),
    suspects: suspectRows.map((s) => ({ ...s, person: people.get(s.personId)! })),
  };
}

/** Kept for callers of the factory: the bounds of a partial date, from src/core/partial-date. */
export const factsBounds = partialDateBounds;
