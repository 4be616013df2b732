import type { CaseCreate } from '../../../contracts/cases';
import { countryToday } from '../../../core/country-date';
import { newIdempotencyKey } from '../../api/idempotency';
import { deleteItem, getItem, isUnlocked, putItem } from '../../offline/device-store';

/** The registration form mirrors the contract's shape, so server field paths land on the same inputs. */
export interface IdentityValues {
  givenNames: string;
  familyNames: string;
  document: { type: string | null; number: string };
  birthDate: string;
  /** Where the person lives (protected, with the identity). */
  address: string;
}
/** Origin and characteristics asked of victims (statistics: victims by origin, routes, vulnerability). */
export interface BackgroundValues {
  originAbroad: boolean;
  originUbigeo: string | null;
  originCountry: string | null;
  indigenousPeople: string;
  nativeLanguage: string;
  education: string | null;
  disability: string;
}
export interface PersonValues extends BackgroundValues {
  sex: string | null;
  nationalities: string[];
  hasIdentityDocument: string;
  identity: IdentityValues;
}
export type AgeMode = 'exact' | 'estimated' | 'band' | 'unknown';
export interface VictimValues {
  person: PersonValues;
  ageMode: AgeMode;
  ageYears: number | string;
  ageBand: string | null;
  ageVerified: boolean;
  identificationStatus: string;
  exploitationForms: string[];
  means: string[];
  relationshipToRecruiter: string | null;
  housedOnIdentification: string | null;
  deathOrSeriousInjury: boolean;
}
export interface SuspectValues {
  person: PersonValues;
  roles: string[];
  relationshipToVictims: string | null;
  isPublicOfficial: boolean;
  officialInstitution: string;
  organisedGroupMember: boolean;
}
export interface PlaceValues {
  kind: string | null;
  abroad: boolean;
  ubigeo: string | null;
  country: string | null;
}
export interface CaseFormValues {
  source: string | null;
  reportedOn: string;
  factsPrecision: 'exact' | 'approximate';
  factsDateFrom: string;
  factsDateTo: string;
  acts: string[];
  means: string[];
  purposes: string[];
  sexualExploitationSubtypes: string[];
  sectors: string[];
  recruitmentMethods: string[];
  transportModes: string[];
  isInternational: boolean;
  countries: string[];
  organisedCrime: boolean;
  publicOfficialInvolved: boolean;
  initialLegalQualification: string;
  narrative: string;
  places: PlaceValues[];
  victims: VictimValues[];
  suspects: SuspectValues[];
}

const emptyIdentity = (): IdentityValues => ({ givenNames: '', familyNames: '', document: { type: null, number: '' }, birthDate: '', address: '' });
const emptyBackground = (): BackgroundValues => ({
  originAbroad: false, originUbigeo: null, originCountry: null, indigenousPeople: '', nativeLanguage: '', education: null, disability: 'unknown',
});
export const emptyPerson = (): PersonValues => ({ sex: null, nationalities: [], hasIdentityDocument: 'unknown', identity: emptyIdentity(), ...emptyBackground() });
export const emptyVictim = (): VictimValues => ({
  person: emptyPerson(), ageMode: 'unknown', ageYears: '', ageBand: null, ageVerified: false, identificationStatus: 'possible_victim',
  exploitationForms: [], means: [], relationshipToRecruiter: null, housedOnIdentification: null, deathOrSeriousInjury: false,
});
export const emptySuspect = (): SuspectValues => ({
  person: emptyPerson(), roles: [], relationshipToVictims: null, isPublicOfficial: false, officialInstitution: '', organisedGroupMember: false,
});
export const emptyPlace = (kind: string | null = 'exploitation'): PlaceValues => ({ kind, abroad: false, ubigeo: null, country: null });

/** The default date of a new registration: today in the country, not in UTC (after 19:00 in Lima that is tomorrow). */
export const today = () => countryToday();

export const emptyCase = (): CaseFormValues => ({
  source: null, reportedOn: today(), factsPrecision: 'exact', factsDateFrom: '', factsDateTo: '', acts: [], means: [], purposes: [],
  sexualExploitationSubtypes: [], sectors: [], recruitmentMethods: [], transportModes: [], isInternational: false, countries: [],
  organisedCrime: false, publicOfficialInvolved: false, initialLegalQualification: '', narrative: '', places: [emptyPlace()], victims: [emptyVictim()], suspects: [],
});

const text = (value: string | null | undefined) => (value && value.trim() ? value.trim() : undefined);
const number = (value: number | string) => (value === '' || value === null || value === undefined ? undefined : Number(value));

function identityOf(person: PersonValues, withIdentity: boolean) {
  if (!withIdentity) return undefined;
  const id = person.identity;
  const hasDocument = person.hasIdentityDocument !== 'no' && (id.document.type || text(id.document.number));
  const identity = {
    givenNames: text(id.givenNames),
    familyNames: text(id.familyNames),
    document: hasDocument ? { type: id.document.type ?? undefined, number: id.document.number.trim() } : undefined,
    birthDate: text(id.birthDate),
    address: text(id.address),
  };
  return Object.values(identity).some((v) => v !== undefined) ? identity : undefined;
}

function personOf(person: PersonValues, withIdentity: boolean) {
  // Drafts saved before these fields existed lack them: read them as empty.
  const p = { ...emptyBackground(), ...person, identity: { ...emptyIdentity(), ...person.identity } };
  return {
    sex: p.sex ?? undefined,
    nationalities: p.nationalities,
    hasIdentityDocument: p.hasIdentityDocument,
    originUbigeo: p.originAbroad ? undefined : p.originUbigeo ?? undefined,
    originCountry: p.originAbroad ? p.originCountry ?? undefined : p.originUbigeo ? 'PER' : undefined,
    indigenousPeople: text(p.indigenousPeople),
    nativeLanguage: text(p.nativeLanguage),
    education: p.education ?? undefined,
    disability: p.disability === 'yes' ? true : p.disability === 'no' ? false : undefined,
    identity: identityOf(p, withIdentity),
  };
}

function victimOf(v: VictimValues, withIdentity: boolean) {
  const age = v.ageMode === 'exact' || v.ageMode === 'estimated' ? number(v.ageYears) : undefined;
  return {
    person: personOf(v.person, withIdentity),
    identificationStatus: v.identificationStatus,
    ageYears: age,
    ageEstimated: v.ageMode === 'estimated',
    ageVerified: v.ageMode === 'exact' ? v.ageVerified : false,
    ageBand: v.ageMode === 'band' ? v.ageBand ?? undefined : undefined,
    exploitationForms: v.exploitationForms,
    means: v.means,
    relationshipToRecruiter: v.relationshipToRecruiter ?? undefined,
    housedOnIdentification: (v.housedOnIdentification ?? undefined) as 'shelter' | 'family' | 'police_station' | 'other' | undefined,
    // Only a ticked box is a recorded fact; unticked stays "not recorded".
    deathOrSeriousInjury: v.deathOrSeriousInjury ? true : undefined,
  };
}

/** The API body for the form's values (blank inputs dropped; identity only for roles that may write it). */
export function toCaseCreate(values: CaseFormValues, withIdentity: boolean): CaseCreate {
  const exact = values.factsPrecision === 'exact';
  return {
    source: (values.source ?? undefined) as CaseCreate['source'],
    reportedOn: values.reportedOn,
    factsDateFrom: text(values.factsDateFrom),
    factsDateTo: exact ? text(values.factsDateFrom) : text(values.factsDateTo),
    acts: values.acts, means: values.means, purposes: values.purposes,
    sexualExploitationSubtypes: values.purposes.includes('sexual_exploitation') ? values.sexualExploitationSubtypes : [],
    sectors: values.sectors, recruitmentMethods: values.recruitmentMethods, transportModes: values.transportModes,
    isInternational: values.isInternational || values.places.some((p) => p.abroad),
    countries: values.countries,
    organisedCrime: values.organisedCrime,
    publicOfficialInvolved: values.publicOfficialInvolved,
    initialLegalQualification: text(values.initialLegalQualification),
    narrative: withIdentity ? text(values.narrative) : undefined,
    // A place counts once it says where: the row pre-filled with the kind "exploitation" alone is optional.
    places: values.places
      .filter((p) => (p.abroad ? p.country : p.ubigeo) || (p.kind !== null && p.kind !== 'exploitation'))
      .map((p) => ({ kind: p.kind, ubigeo: p.abroad ? undefined : p.ubigeo ?? undefined, country: p.abroad ? p.country ?? undefined : p.ubigeo ? 'PER' : undefined })),
    victims: values.victims.map((v) => victimOf(v, withIdentity)),
    suspects: values.suspects.map((s) => ({
      person: personOf(s.person, withIdentity),
      roles: s.roles,
      relationshipToVictims: s.relationshipToVictims ?? undefined,
      isPublicOfficial: s.isPublicOfficial,
      officialInstitution: s.isPublicOfficial ? text(s.officialInstitution) : undefined,
      organisedGroupMember: s.organisedGroupMember,
    })),
  } as CaseCreate;
}

/** The victim's age as the core rules read it (src/core/age.ts). */
export function victimAge(v: VictimValues) {
  return {
    ageYears: v.ageMode === 'exact' || v.ageMode === 'estimated' ? number(v.ageYears) ?? null : null,
    ageEstimated: v.ageMode === 'estimated',
    ageVerified: v.ageMode === 'exact' && v.ageVerified,
    ageBand: v.ageMode === 'band' ? v.ageBand : null,
  };
}

/**
 * Unsaved registration work, kept on this device until it is sent (survives expiry, reloads and lost
 * connections), encrypted in the device store (src/web/offline/device-store.ts) with the Idempotency-Key of
 * the registration being drafted: made when the form first opens, kept until the case is saved or queued,
 * so a retry after a lost answer (or after a reload) is the same registration. Never in plain localStorage.
 */
export interface StoredDraft {
  values: CaseFormValues;
  idempotencyKey: string;
}
const DRAFT_ID = 'case-register';

export async function loadDraft(): Promise<StoredDraft | null> {
  try {
    const stored = await getItem<StoredDraft>('draft', DRAFT_ID);
    return stored ? { ...stored, values: { ...emptyCase(), ...stored.values } } : null;
  } catch {
    return null;
  }
}
export async function saveDraft(values: CaseFormValues, idempotencyKey: string) {
  if (!isUnlocked()) return;
  try {
    // An untouched form is not a draft (e.g. right after "discard").
    if (JSON.stringify(values) === JSON.stringify(emptyCase())) await deleteItem('draft', DRAFT_ID);
    else await putItem('draft', DRAFT_ID, { values, idempotencyKey } satisfies StoredDraft);
  } catch {
    // store full or unavailable: nothing else to do
  }
}
export const newDraftKey = () => newIdempotencyKey();
export async function clearDraft() {
  try {
    await deleteItem('draft', DRAFT_ID);
  } catch {
    // ignore
  }
}
