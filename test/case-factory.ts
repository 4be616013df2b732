import { randomBytes } from 'node:crypto';
import { normaliseDocument, normaliseFullName } from '../src/core/normalise';
import { partialDateBounds } from '../src/core/partial-date';
import { caseEvents, casePlaces, cases, caseSuspects, caseVictims, persons, units } from '../src/db/schema';
import { eq } from 'drizzle-orm';
import type { Deps } from '../src/server/deps';
import { countryToday } from '../src/core/country-date';

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

/**
 * Inserts a complete case straight into the database (bypassing the API) for tests of other features
 * that need cases to exist. Identity is encrypted exactly as the case service does.
 */
export async function makeCase(deps: Deps, owner: { institutionId: string; unitId: string | null; id?: string }, input: CaseFactoryInput = {}) {
  const { db, cipher } = deps;
  if (!owner.unitId) throw new Error('makeCase needs an owner with a unit');
  const [unit] = await db.select().from(units).where(eq(units.id, owner.unitId)).limit(1);
  const factsFrom = input.factsDateFrom ?? '2025-03';
  const { start, end } = factsBounds(factsFrom);
  const registeredAt = input.registeredAt ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cases)
      .values({
        code: `RETA-T-${randomBytes(5).toString('hex').toUpperCase()}`,
        institutionId: owner.institutionId,
        unitId: owner.unitId!,
        departmentCode: unit?.departmentCode ?? null,
        registeredBy: owner.id ?? null,
        registeredAt,
        source: input.source ?? 'complaint',
        reportedOn: input.reportedOn ?? countryToday(registeredAt),
        factsDateFrom: factsFrom,
        factsStart: start,
        factsEnd: end,
        acts: input.acts ?? ['recruitment'],
        means: input.means ?? ['deception'],
        purposes: input.purposes ?? ['sexual_exploitation'],
        sectors: input.sectors ?? [],
        lastActivityAt: registeredAt,
      })
      .returning();
    const caseRow = row!;
    const victimRows = [];
    for (const v of input.victims ?? [{}]) {
      const identity = { givenNames: v.givenNames ?? 'Ana', familyNames: v.familyNames ?? 'Quispe', document: v.document };
      const [person] = await tx
        .insert(persons)
        .values({
          createdByInstitutionId: owner.institutionId,
          identityEnc: cipher.encryptJson(identity),
          nameHash: cipher.blindIndex('name', normaliseFullName(identity.givenNames, identity.familyNames)),
          documentHash: v.document ? cipher.blindIndex('document', normaliseDocument(v.document.type, v.document.number)) : null,
          sex: v.sex ?? 'female',
          nationalities: v.nationalities ?? ['PER'],
          originUbigeo: v.originUbigeo ?? null,
          hasIdentityDocument: v.hasIdentityDocument ?? 'unknown',
        })
        .returning();
      const [victim] = await tx
        .insert(caseVictims)
        .values({
          caseId: caseRow.id,
          personId: person!.id,
          ageYears: v.ageYears === undefined ? 20 : v.ageYears,
          ageEstimated: v.ageEstimated ?? false,
          ageVerified: v.ageVerified ?? true,
          exploitationForms: v.exploitationForms ?? input.purposes ?? ['sexual_exploitation'],
          identificationStatus: v.identificationStatus ?? 'possible_victim',
          consentToServices: v.consentToServices === undefined ? true : v.consentToServices,
        })
        .returning();
      victimRows.push({ ...victim!, person: person! });
    }
    const suspectRows = [];
    for (const s of input.suspects ?? []) {
      const [person] = await tx
        .insert(persons)
        .values({ createdByInstitutionId: owner.institutionId, sex: s.sex ?? 'male', nationalities: s.nationalities ?? ['PER'], identityEnc: cipher.encryptJson({ givenNames: 'Juan', familyNames: 'Pérez' }) })
        .returning();
      const [suspect] = await tx.insert(caseSuspects).values({ caseId: caseRow.id, personId: person!.id, isPublicOfficial: s.isPublicOfficial ?? false }).returning();
      suspectRows.push({ ...suspect!, person: person! });
    }
    for (const p of input.places ?? []) {
      await tx.insert(casePlaces).values({ caseId: caseRow.id, kind: p.kind, ubigeo: p.ubigeo ?? null, country: p.country ?? 'PER', departmentCode: p.ubigeo ? p.ubigeo.slice(0, 2) : null });
    }
    await tx.insert(caseEvents).values({ caseId: caseRow.id, type: 'registration', at: registeredAt, actorId: owner.id ?? null, unitId: owner.unitId });
    return { case: caseRow, victims: victimRows, suspects: suspectRows };
  });
}

/** Kept for callers of the factory: the bounds of a partial date, from src/core/partial-date. */
export const factsBounds = partialDateBounds;
