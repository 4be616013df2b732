import type { CaseListItem, CaseView, PlaceView, SuspectView, VictimView } from '../../contracts/cases';
import { ageGroupOf, isChild, type VictimAge } from '../../core/age';
import { countryToday } from '../../core/country-date';
import { evaluatePalermo } from '../../core/palermo';
import type { Cipher } from '../crypto/cipher';
import type { IdentityMode } from '../people/identity';
import { presentPerson } from '../people/person.presenter';
import type { CaseAccess } from '../policy';
import type { CaseRow, PlaceRow, SuspectRow, VictimRow } from './case.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function palermoOf(row: Pick<CaseRow, 'acts' | 'means' | 'purposes'>, victims: ReadonlyArray<VictimAge & { means?: string[] }>) {
  return evaluatePalermo({
    acts: row.acts,
    means: row.means,
    purposes: row.purposes,
    victims: victims.map((v) => ({ ageGroup: ageGroupOf(v), means: v.means })),
  });
}

/** When the facts began, for the age at the facts (src/core/age.ts): their first day, else the day of registration. */
export type FactsDate = Pick<CaseRow, 'factsStart' | 'registeredAt'>;
const factsYearOf = (c: FactsDate) => Number((c.factsStart ?? countryToday(c.registeredAt)).slice(0, 4));

/** The age facts of a victim in a case: what it entered, plus the person's birth year and the year of the facts. */
export const victimAgeOf = (row: VictimRow, facts: FactsDate): VictimAge => ({ ...row, birthYear: row.person.birthYear, factsYear: factsYearOf(facts) });

export function presentVictim(row: VictimRow, mode: IdentityMode, cipher: Cipher, facts?: FactsDate): VictimView {
  const ageGroup = ageGroupOf(facts ? victimAgeOf(row, facts) : row);
  return {
    id: row.id, version: row.version, caseId: row.caseId, personId: row.personId, person: presentPerson(row.person, mode, cipher),
    identificationStatus: row.identificationStatus, identifiedByInstitutionId: row.identifiedByInstitutionId, identifiedOn: row.identifiedOn,
    ageYears: row.ageYears, ageEstimated: row.ageEstimated, ageVerified: row.ageVerified, ageBand: row.ageBand,
    ageGroup, isChild: isChild(ageGroup),
    exploitationForms: row.exploitationForms, means: row.means, relationshipToRecruiter: row.relationshipToRecruiter,
    monthsInExploitation: row.monthsInExploitation, consentToServices: row.consentToServices, consentToDataSharing: row.consentToDataSharing,
    housedOnIdentification: row.housedOnIdentification ?? null,
    deathOrSeriousInjury: row.deathOrSeriousInjury ?? null,
  };
}

export function presentSuspect(row: SuspectRow, mode: IdentityMode, cipher: Cipher): SuspectView {
  return {
    id: row.id, version: row.version, caseId: row.caseId, personId: row.personId, person: presentPerson(row.person, mode, cipher),
    roles: row.roles, relationshipToVictims: row.relationshipToVictims, isPublicOfficial: row.isPublicOfficial,
    officialInstitution: row.officialInstitution, organisedGroupMember: row.organisedGroupMember,
  };
}

export const presentPlace = (row: PlaceRow): PlaceView => ({ id: row.id, kind: row.kind, ubigeo: row.ubigeo, country: row.country, departmentCode: row.departmentCode });

function baseView(row: CaseRow, access: CaseAccess, victims: ReadonlyArray<VictimAge & { means?: string[] }>) {
  return {
    id: row.id, code: row.code, version: row.version, externalId: row.externalId, institutionId: row.institutionId, unitId: row.unitId,
    departmentCode: row.departmentCode, registeredBy: row.registeredBy, registeredAt: row.registeredAt.toISOString(), source: row.source,
    reportedOn: row.reportedOn, factsDateFrom: row.factsDateFrom, factsDateTo: row.factsDateTo, factsStart: row.factsStart, factsEnd: row.factsEnd,
    acts: row.acts, means: row.means, purposes: row.purposes, status: row.status, closedAt: iso(row.closedAt),
    lastActivityAt: row.lastActivityAt.toISOString(),
    palermo: palermoOf(row, victims),
    accessLevel: access.level,
  };
}

/**
 * A whole case for one actor. The Palermo test is computed from every victim of the case (it is a fact
 * about the case), even when a referral-only actor sees some of them.
 */
export function presentCase(
  row: CaseRow,
  parts: { victims: VictimRow[]; suspects: SuspectRow[]; places: PlaceRow[]; allVictims: VictimRow[] },
  access: CaseAccess,
  mode: IdentityMode,
  cipher: Cipher,
): CaseView {
  const view: CaseView = {
    ...baseView(row, access, parts.allVictims.map((v) => ({ ...victimAgeOf(v, row), means: v.means }))),
    sexualExploitationSubtypes: row.sexualExploitationSubtypes, sectors: row.sectors, recruitmentMethods: row.recruitmentMethods,
    transportModes: row.transportModes, isInternational: row.isInternational, countries: row.countries, organisedCrime: row.organisedCrime,
    publicOfficialInvolved: row.publicOfficialInvolved, initialLegalQualification: row.initialLegalQualification,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
    victims: parts.victims.map((v) => presentVictim(v, mode, cipher, row)),
    suspects: parts.suspects.map((s) => presentSuspect(s, mode, cipher)),
    places: parts.places.map(presentPlace),
  };
  // The narrative is restricted like identity; a referral-only actor never reads the whole story.
  if (mode === 'full' && access.level !== 'referral') view.narrative = row.narrativeEnc ? cipher.decrypt(row.narrativeEnc) : null;
  if (mode === 'available') view.identityAvailable = true;
  return view;
}

export function presentCaseListItem(
  row: CaseRow,
  access: CaseAccess,
  victims: ReadonlyArray<VictimAge & { id: string; means?: string[] }>,
  suspectCount: number,
): CaseListItem {
  const visibleVictims = access.victimIds ? victims.filter((v) => access.victimIds!.has(v.id)) : victims;
  return {
    ...baseView(row, access, victims),
    victimCount: visibleVictims.length,
    childVictimCount: visibleVictims.filter((v) => isChild(ageGroupOf(v))).length,
    suspectCount: access.victimIds ? 0 : suspectCount,
  };
}
