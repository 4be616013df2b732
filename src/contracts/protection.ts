import { z } from 'zod';
import { identificationStatuses, referralStatuses, serviceTypes } from '../core/codes';
import { countryCode, csvList, currencyCode, departmentCode, isoDate, listQuery, ubigeoCode, uuid, version } from './common';
import { inboxListQuery, inboxResponse } from './inbox';

/** Code lists of the protection feature (labels in the i18n catalogues, codes.<list>.<code>). */
export const shelterPopulations = ['women', 'men', 'girls', 'boys', 'children', 'adolescents', 'mixed'] as const;
export const shelterStatuses = ['active', 'closed'] as const;
export const reparationKinds = ['restitution', 'reparation'] as const;
export const residencyPermitTypes = ['humanitarian', 'temporary', 'permanent', 'special', 'other'] as const;
export const referralDeclineReasons = ['no_capacity', 'not_eligible', 'victim_declined', 'out_of_area', 'other'] as const;
export const referralOutcomes = ['completed', 'victim_withdrew', 'transferred', 'lost_contact', 'other'] as const;
export const consentSources = ['victim_record', 'referral', 'override'] as const;

/** Free text the database stores: PostgreSQL refuses NUL characters, so they are a 400 here, not a 500. */
const plainText = (min: number, max: number) =>
  z.string().trim().min(min).max(max).refine((value) => !value.includes('\u0000'), { message: 'invalid_format' });
const externalId = plainText(1, 100);
const money = z.number().min(0).max(1e11).multipleOf(0.01);
/** The victim is a case_victims row: one person as victim in one case. */
export const victimParams = z.object({ victimId: uuid });

// Identification status --------------------------------------------------------------------------
export const identificationUpdate = z.strictObject({
  identificationStatus: z.enum(identificationStatuses),
  /** Defaults to today. */
  identifiedOn: isoDate.optional(),
  version,
});
export type IdentificationUpdate = z.infer<typeof identificationUpdate>;

export const identificationView = z.object({
  victimId: z.string(),
  caseId: z.string(),
  version: z.number(),
  identificationStatus: z.string(),
  identifiedByInstitutionId: z.string().nullable(),
  identifiedOn: z.string().nullable(),
  consentToServices: z.boolean().nullable(),
});

// Referrals and services -------------------------------------------------------------------------
export const referralCreate = z.strictObject({
  /** The sender's own reference: a second create with the same one returns the existing referral (200). */
  externalId: externalId.optional(),
  victimId: uuid,
  toInstitutionId: uuid,
  toUnitId: uuid.optional(),
  /** Sending unit; defaults to the actor's unit. */
  fromUnitId: uuid.optional(),
  serviceType: z.enum(serviceTypes),
  requestedOn: isoDate.optional(),
  /** Consent recorded on this referral; absent means "as on the victim record". */
  consentGiven: z.boolean().optional(),
  /** Required (with `protection.consent_override`) when there is no consent; audited. */
  consentOverrideReason: plainText(3, 500).optional(),
});
export type ReferralCreate = z.infer<typeof referralCreate>;

export const referralTransition = z.strictObject({
  status: z.enum(referralStatuses),
  version,
  declineReason: z.enum(referralDeclineReasons).optional(),
  outcome: z.enum(referralOutcomes).optional(),
});
export type ReferralTransition = z.infer<typeof referralTransition>;

export const serviceCreate = z.strictObject({
  /** Defaults to the referral's service type. */
  serviceType: z.enum(serviceTypes).optional(),
  startedOn: isoDate,
  endedOn: isoDate.optional(),
});
export type ServiceCreate = z.infer<typeof serviceCreate>;

export const serviceView = z.object({
  id: z.string(),
  referralId: z.string(),
  victimId: z.string(),
  serviceType: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  providedByInstitutionId: z.string(),
  providedByUnitId: z.string().nullable(),
  createdAt: z.string(),
});

const party = z.object({ id: z.string(), name: z.string() });
export const referralView = z.object({
  id: z.string(),
  version: z.number(),
  externalId: z.string().nullable(),
  caseId: z.string(),
  victimId: z.string(),
  fromInstitution: party,
  fromUnit: party.nullable(),
  toInstitution: party,
  toUnit: party.nullable(),
  serviceType: z.string(),
  status: z.enum(referralStatuses),
  consentSource: z.enum(consentSources),
  requestedOn: z.string(),
  acceptedAt: z.string().nullable(),
  providedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  outcome: z.string().nullable(),
  /** What the actor may do next, from the status machine and their side of the referral. */
  nextStatuses: z.array(z.enum(referralStatuses)),
  services: z.array(serviceView),
  /** Shelter stays recorded under the referral; the shelter's name only for the institution that runs it. */
  admissions: z.array(z.object({ checkInOn: z.string(), checkOutOn: z.string().nullable(), shelterName: z.string().nullable() })),
  createdAt: z.string(),
});
export type ReferralView = z.infer<typeof referralView>;

export const referralListQuery = listQuery.extend({
  caseId: uuid.optional(),
  victimId: uuid.optional(),
  status: csvList(z.enum(referralStatuses)).optional(),
  /** `sent` by the actor's institution, `received` by it, or every referral the actor can see. */
  direction: z.enum(['sent', 'received', 'all']).default('all'),
});
export type ReferralListQuery = z.infer<typeof referralListQuery>;

export const inboxQuery = inboxListQuery.extend({
  /** Defaults to the open statuses (requested, accepted). */
  status: csvList(z.enum(referralStatuses)).optional(),
  serviceType: z.enum(serviceTypes).optional(),
});
/** The referrals inbox: newest first, the case code and a new marker on each row. */
export const referralInbox = inboxResponse(referralView);
export type InboxQuery = z.infer<typeof inboxQuery>;

// Shelters and stays ------------------------------------------------------------------------------
export const shelterCreate = z.strictObject({
  name: plainText(1, 200),
  unitId: uuid.optional(),
  ubigeo: ubigeoCode.optional(),
  capacityBeds: z.number().int().min(0).max(10_000),
  targetPopulation: z.enum(shelterPopulations),
});
export type ShelterCreate = z.infer<typeof shelterCreate>;

export const shelterUpdate = z.strictObject({
  name: plainText(1, 200).optional(),
  ubigeo: ubigeoCode.nullish(),
  capacityBeds: z.number().int().min(0).max(10_000).optional(),
  targetPopulation: z.enum(shelterPopulations).optional(),
  status: z.enum(shelterStatuses).optional(),
  version,
});
export type ShelterUpdate = z.infer<typeof shelterUpdate>;

export const shelterView = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  institution: party,
  unitId: z.string().nullable(),
  ubigeo: z.string().nullable(),
  departmentCode: z.string().nullable(),
  capacityBeds: z.number(),
  targetPopulation: z.string(),
  status: z.string(),
  /** Beds taken and free on `occupancyOn` (today unless `?on=` was given). */
  occupancyOn: z.string(),
  occupiedBeds: z.number(),
  freeBeds: z.number(),
});
export type ShelterView = z.infer<typeof shelterView>;

export const shelterListQuery = listQuery.extend({
  on: isoDate.optional(),
  institutionId: uuid.optional(),
  departmentCode: departmentCode.optional(),
});
export const shelterGetQuery = z.object({ on: isoDate.optional() });

export const stayCreate = z.strictObject({
  victimId: uuid,
  checkInOn: isoDate,
  checkOutOn: isoDate.optional(),
  referralId: uuid.optional(),
  /** The placement warnings (src/core/protection/shelter-population.ts) the person admitting has seen and accepts. */
  confirmWarnings: z.boolean().optional(),
});
export type StayCreate = z.infer<typeof stayCreate>;

export const stayUpdate = z.strictObject({ checkInOn: isoDate.optional(), checkOutOn: isoDate.nullish(), version });
export type StayUpdate = z.infer<typeof stayUpdate>;

export const stayView = z.object({
  id: z.string(),
  version: z.number(),
  shelterId: z.string(),
  caseId: z.string(),
  victimId: z.string(),
  referralId: z.string().nullable(),
  checkInOn: z.string(),
  checkOutOn: z.string().nullable(),
});
export type StayView = z.infer<typeof stayView>;

// Reparation, repatriation, residency -----------------------------------------------------------------
export const reparationCreate = z.strictObject({
  kind: z.enum(reparationKinds),
  orderedAmount: money,
  paidAmount: money.optional(),
  currency: currencyCode.default('PEN'),
  orderedOn: isoDate.optional(),
  paidOn: isoDate.optional(),
});
export type ReparationCreate = z.infer<typeof reparationCreate>;
export const reparationView = z.object({
  id: z.string(),
  victimId: z.string(),
  kind: z.string(),
  orderedAmount: z.number(),
  paidAmount: z.number(),
  currency: z.string(),
  orderedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  institutionId: z.string(),
  createdAt: z.string(),
});

export const repatriationCreate = z.strictObject({ fromCountry: countryCode, toCountry: countryCode, repatriatedOn: isoDate });
export type RepatriationCreate = z.infer<typeof repatriationCreate>;
export const repatriationView = z.object({
  id: z.string(),
  victimId: z.string(),
  fromCountry: z.string(),
  toCountry: z.string(),
  repatriatedOn: z.string(),
  institutionId: z.string(),
  createdAt: z.string(),
});

export const residencyPermitCreate = z.strictObject({
  permitType: z.enum(residencyPermitTypes),
  grantedOn: isoDate,
  expiresOn: isoDate.optional(),
});
export type ResidencyPermitCreate = z.infer<typeof residencyPermitCreate>;
export const residencyPermitView = z.object({
  id: z.string(),
  victimId: z.string(),
  permitType: z.string(),
  grantedOn: z.string(),
  expiresOn: z.string().nullable(),
  institutionId: z.string(),
  createdAt: z.string(),
});

export const victimProtectionView = identificationView.extend({
  referrals: z.array(referralView),
  stays: z.array(stayView),
  reparations: z.array(reparationView),
  repatriations: z.array(repatriationView),
  residencyPermits: z.array(residencyPermitView),
});

export const stayListQuery = listQuery.extend({
  /** Only the stays occupying a bed on this day. */
  on: isoDate.optional(),
});
export type StayListQuery = z.infer<typeof stayListQuery>;
export const shelterStayParams = z.object({ id: uuid });
