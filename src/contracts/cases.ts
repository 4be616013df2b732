import { z } from 'zod';
import {
  acts, caseSources, caseStatuses, housingOnIdentification, identificationStatuses, means, placeKinds, purposes, recruitmentMethods, relationships,
  sectors, sexualExploitationSubtypes, suspectRoles, transportModes,
} from '../core/codes';
import { countryCode, departmentCode, isoDate, listQuery, longText, partialDate, shortText, ubigeoCode, uuid, version, versionQueryValue } from './common';
import { personCreate, personView } from './people';

const codeArray = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).max(values.length);

/** Age when only a band is known (no age in years). */
export const victimAgeBands = ['under_14', '14_17', 'under_18', '18_plus'] as const;
export const ageGroups = ['child', 'presumed_child', 'adult'] as const;

/** Either an existing person the actor can see (`personId`) or a new one (`person`): exactly one. */
const personRef = {
  personId: uuid.optional(),
  person: personCreate.optional(),
};
const exactlyOnePerson = (value: { personId?: string; person?: unknown }, ctx: z.RefinementCtx) => {
  if ((value.personId === undefined) === (value.person === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['person'], message: 'person_or_person_id' });
  }
};

export const victimFields = {
  identificationStatus: z.enum(identificationStatuses).optional(),
  identifiedOn: isoDate.nullish(),
  /** Age at the time of exploitation (not at registration), in whole years. */
  ageYears: z.number().int().min(0).max(120).nullish(),
  ageEstimated: z.boolean().optional(),
  ageVerified: z.boolean().optional(),
  ageBand: z.enum(victimAgeBands).nullish(),
  exploitationForms: codeArray(purposes).optional(),
  means: codeArray(means).optional(),
  relationshipToRecruiter: z.enum(relationships).nullish(),
  monthsInExploitation: z.number().int().min(0).max(1200).nullish(),
  consentToServices: z.boolean().nullish(),
  consentToDataSharing: z.boolean().nullish(),
  /** Where the victim was housed when identified: shelter, family, police station, other. */
  housedOnIdentification: z.enum(housingOnIdentification).nullish(),
  /** The victim died or was seriously injured: an aggravating circumstance of 25 years or more. */
  deathOrSeriousInjury: z.boolean().nullish(),
};
export const victimCreate = z.strictObject({ ...personRef, ...victimFields }).superRefine(exactlyOnePerson);
/**
 * Identification (status and identifying institution) is not edited here: PATCH
 * /api/v1/victims/:victimId/identification records it with the actor's own institution. The identifying
 * institution is never taken from the client: on creation it is the registering institution.
 */
const { identificationStatus: _status, ...victimEditableFields } = victimFields;
export const victimUpdate = z.strictObject({ ...victimEditableFields, version });
export type VictimCreate = z.infer<typeof victimCreate>;
export type VictimUpdate = z.infer<typeof victimUpdate>;

export const suspectFields = {
  roles: codeArray(suspectRoles).optional(),
  relationshipToVictims: z.enum(relationships).nullish(),
  isPublicOfficial: z.boolean().optional(),
  officialInstitution: shortText.nullish(),
  organisedGroupMember: z.boolean().optional(),
};
export const suspectCreate = z.strictObject({ ...personRef, ...suspectFields }).superRefine(exactlyOnePerson);
export const suspectUpdate = z.strictObject({ ...suspectFields, version });
export type SuspectCreate = z.infer<typeof suspectCreate>;
export type SuspectUpdate = z.infer<typeof suspectUpdate>;

/**
 * A place is a UBIGEO (2, 4 or 6 digits, checked against the loaded reference; country PER implied) or
 * a country (ISO 3166-1 alpha-3). `PER` without a UBIGEO is accepted: "somewhere in Peru" is better
 * than nothing when the department is not known.
 */
export const placeCreate = z
  .strictObject({ kind: z.enum(placeKinds), ubigeo: ubigeoCode.nullish(), country: countryCode.nullish() })
  .superRefine((value, ctx) => {
    if (!value.ubigeo && !value.country) ctx.addIssue({ code: 'custom', path: ['ubigeo'], message: 'place_needs_location' });
    if (value.ubigeo && value.country && value.country !== 'PER') ctx.addIssue({ code: 'custom', path: ['country'], message: 'invalid_country' });
  });
export type PlaceCreate = z.infer<typeof placeCreate>;

const caseFields = {
  source: z.enum(caseSources),
  reportedOn: isoDate,
  /** As much of the date of the facts as is known: `2016`, `2016-05`, `2016-05-14`. */
  factsDateFrom: partialDate.nullish(),
  factsDateTo: partialDate.nullish(),
  acts: codeArray(acts),
  means: codeArray(means),
  purposes: codeArray(purposes),
  sexualExploitationSubtypes: codeArray(sexualExploitationSubtypes),
  sectors: codeArray(sectors),
  recruitmentMethods: codeArray(recruitmentMethods),
  transportModes: codeArray(transportModes),
  isInternational: z.boolean(),
  countries: z.array(countryCode).max(50),
  organisedCrime: z.boolean(),
  publicOfficialInvolved: z.boolean(),
  initialLegalQualification: shortText.nullish(),
  /** Restricted: encrypted at rest, shown only with identity.read and a stated reason. */
  narrative: longText.nullish(),
};

/** The Palermo elements and other case facts, all optional: what create and update share. */
const caseElements = {
  acts: caseFields.acts.optional(),
  means: caseFields.means.optional(),
  purposes: caseFields.purposes.optional(),
  sexualExploitationSubtypes: caseFields.sexualExploitationSubtypes.optional(),
  sectors: caseFields.sectors.optional(),
  recruitmentMethods: caseFields.recruitmentMethods.optional(),
  transportModes: caseFields.transportModes.optional(),
  isInternational: caseFields.isInternational.optional(),
  countries: caseFields.countries.optional(),
  organisedCrime: caseFields.organisedCrime.optional(),
  publicOfficialInvolved: caseFields.publicOfficialInvolved.optional(),
  initialLegalQualification: caseFields.initialLegalQualification,
  narrative: caseFields.narrative,
};

export const caseCreate = z.strictObject({
  /** The sender's own file number: a second create with the same one returns the existing case (200). */
  externalId: z.string().trim().min(1).max(100).optional(),
  /** Registering unit; defaults to the actor's unit. Must belong to the actor's institution. */
  unitId: uuid.optional(),
  source: caseFields.source,
  reportedOn: caseFields.reportedOn,
  factsDateFrom: caseFields.factsDateFrom,
  factsDateTo: caseFields.factsDateTo,
  ...caseElements,
  victims: z.array(victimCreate).max(200).optional(),
  suspects: z.array(suspectCreate).max(200).optional(),
  places: z.array(placeCreate).max(100).optional(),
});
export type CaseCreate = z.infer<typeof caseCreate>;

export const caseUpdate = z.strictObject({
  source: caseFields.source.optional(),
  reportedOn: caseFields.reportedOn.optional(),
  factsDateFrom: caseFields.factsDateFrom,
  factsDateTo: caseFields.factsDateTo,
  ...caseElements,
  status: z.enum(caseStatuses).optional(),
  version,
  /**
   * Work made offline or against an older version: the value each changed field had when the editing
   * started. With it the server merges field by field (src/core/field-merge.ts) instead of refusing the stale
   * version; without it a stale version answers 409 as before.
   */
  base: z.record(z.string().max(60), z.unknown()).optional(),
});
export type CaseUpdate = z.infer<typeof caseUpdate>;

/** Reads of identity made with no connection from a case kept on a device, reported at its next sync. */
export const offlineReadsReport = z.strictObject({
  reads: z.array(z.strictObject({ at: z.iso.datetime(), reason: z.string().trim().min(1).max(500).optional() })).min(1).max(200),
});
export type OfflineReadsReport = z.infer<typeof offlineReadsReport>;

/** Moves a case to another unit of the same institution or of another police institution. */
export const caseTransfer = z.strictObject({ unitId: uuid, version });
export type CaseTransfer = z.infer<typeof caseTransfer>;

export const palermoView = z.object({
  isTrafficking: z.boolean(),
  hasAct: z.boolean(),
  hasMeans: z.boolean(),
  hasPurpose: z.boolean(),
  /** True when at least one victim is a child or presumed child: then means are not required. */
  hasChildVictim: z.boolean(),
  /** Elements still missing for the Palermo test: `act`, `purpose`, `means` (means only when no child victim). */
  missing: z.array(z.enum(['act', 'means', 'purpose'])),
});
export type PalermoView = z.infer<typeof palermoView>;

export const victimView = z.object({
  id: z.string(),
  version: z.number(),
  caseId: z.string(),
  personId: z.string(),
  person: personView,
  identificationStatus: z.string(),
  identifiedByInstitutionId: z.string().nullable(),
  identifiedOn: z.string().nullable(),
  ageYears: z.number().nullable(),
  ageEstimated: z.boolean(),
  ageVerified: z.boolean(),
  ageBand: z.string().nullable(),
  /** Derived (domain.md rule 2): `child`, `presumed_child` or `adult`. */
  ageGroup: z.enum(ageGroups),
  isChild: z.boolean(),
  exploitationForms: z.array(z.string()),
  means: z.array(z.string()),
  relationshipToRecruiter: z.string().nullable(),
  monthsInExploitation: z.number().nullable(),
  consentToServices: z.boolean().nullable(),
  consentToDataSharing: z.boolean().nullable(),
  housedOnIdentification: z.string().nullable(),
  deathOrSeriousInjury: z.boolean().nullable(),
});
export type VictimView = z.infer<typeof victimView>;

export const suspectView = z.object({
  id: z.string(),
  version: z.number(),
  caseId: z.string(),
  personId: z.string(),
  person: personView,
  roles: z.array(z.string()),
  relationshipToVictims: z.string().nullable(),
  isPublicOfficial: z.boolean(),
  officialInstitution: z.string().nullable(),
  organisedGroupMember: z.boolean(),
});
export type SuspectView = z.infer<typeof suspectView>;

export const placeView = z.object({
  id: z.string(),
  kind: z.string(),
  ubigeo: z.string().nullable(),
  country: z.string(),
  departmentCode: z.string().nullable(),
});
export type PlaceView = z.infer<typeof placeView>;

/** How the actor sees the case: its owner, a workflow grant of the whole case, or a referral (some victims). */
export const caseAccessLevels = ['owner', 'all_institutions', 'granted', 'referral'] as const;

const caseBaseView = {
  id: z.string(),
  code: z.string(),
  version: z.number(),
  externalId: z.string().nullable(),
  institutionId: z.string(),
  unitId: z.string(),
  departmentCode: z.string().nullable(),
  registeredBy: z.string().nullable(),
  registeredAt: z.string(),
  source: z.string(),
  reportedOn: z.string(),
  factsDateFrom: z.string().nullable(),
  factsDateTo: z.string().nullable(),
  factsStart: z.string().nullable(),
  factsEnd: z.string().nullable(),
  acts: z.array(z.string()),
  means: z.array(z.string()),
  purposes: z.array(z.string()),
  status: z.string(),
  closedAt: z.string().nullable(),
  lastActivityAt: z.string(),
  palermo: palermoView,
  accessLevel: z.enum(caseAccessLevels),
  /** The actor may add victims and suspects (the owner, or the prosecution holding the case: policy `mayAddParties`). */
  mayAddParties: z.boolean().optional(),
};

export const caseView = z.object({
  ...caseBaseView,
  sexualExploitationSubtypes: z.array(z.string()),
  sectors: z.array(z.string()),
  recruitmentMethods: z.array(z.string()),
  transportModes: z.array(z.string()),
  isInternational: z.boolean(),
  countries: z.array(z.string()),
  organisedCrime: z.boolean(),
  publicOfficialInvolved: z.boolean(),
  initialLegalQualification: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Present (possibly null) only with identity.read and a stated reason. */
  narrative: z.string().nullable().optional(),
  /** With identity.read but no reason: identity and narrative can be shown by stating one. */
  identityAvailable: z.boolean().optional(),
  victims: z.array(victimView),
  /** Empty for referral-only access (a provider sees the referred victims only). */
  suspects: z.array(suspectView),
  places: z.array(placeView),
});
export type CaseView = z.infer<typeof caseView>;

export const caseListItem = z.object({
  ...caseBaseView,
  victimCount: z.number(),
  childVictimCount: z.number(),
  suspectCount: z.number(),
});
export type CaseListItem = z.infer<typeof caseListItem>;

export const caseSortFields = ['registeredAt', 'reportedOn', 'code'] as const;
export const caseListQuery = listQuery.extend({
  sort: z
    .string()
    .max(20)
    .regex(/^-?(registeredAt|reportedOn|code)$/, { message: 'invalid_value' })
    .optional(),
  /** Period on registeredAt, inclusive, ISO dates. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Department of the case (owning unit) or of any of its exploitation places. */
  department: departmentCode.optional(),
  purpose: z.enum(purposes).optional(),
  status: z.enum(caseStatuses).optional(),
  unitId: uuid.optional(),
  institutionId: uuid.optional(),
  /** `q`: a case code, or part of one. */
  /**
   * Keyset paging (instead of page/pageSize): `limit` items after `cursor`, the `nextCursor` of the previous
   * answer (opaque; only valid with the same sort). Either one selects keyset paging.
   */
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(500).regex(/^[A-Za-z0-9_-]+$/, { message: 'invalid_value' }).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;
/**
 * Most cases counted for `total`; past it `total` is this number and `totalCapped` is true ("1,000+"). Each
 * list request counts up to this many rows: at 1M victims 10,000 cost 90–145 ms of a first page that must
 * answer within 50 ms (bench/RESULTS.md, issue 11); 1,000 is forty pages of 25, past which users filter.
 */
export const CASE_LIST_TOTAL_CAP = 1_000;
export const caseListResponse = z.object({
  items: z.array(caseListItem),
  total: z.number().int(),
  totalCapped: z.boolean(),
  /** Page mode only. */
  page: z.number().int().optional(),
  pageSize: z.number().int().optional(),
  /** Keyset mode only: the cursor of the next page, null on the last one. */
  nextCursor: z.string().nullable().optional(),
});

export const caseEventView = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  unitId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const caseHistoryResponse = z.object({ items: z.array(caseEventView) });

export const caseParams = z.object({ id: uuid });
export const victimParams = z.object({ id: uuid, victimId: uuid });
export const suspectParams = z.object({ id: uuid, suspectId: uuid });
export const placeParams = z.object({ id: uuid, placeId: uuid });
export const deleteQuery = z.object({ version: versionQueryValue });
