import { z } from 'zod';
import { serviceTypes } from '../core/codes';
import { appealOutcomes, archiveReasons, decisions, justiceEventTypes, type JusticeEventType } from '../core/justice/events';
import { countryCode, currencyCode, isoDate } from './common';
import { callCreate } from './hotline';
import { operationUpsert } from './upserts';

/**
 * The rows of the import sheets whose records point at other records by the sender's own numbers (a case, a
 * defendant, a victim) or at institutions and units by their RETA codes. They are turned into the services'
 * own requests (eventCreate, referralCreate, callCreate, operationUpsert) once those references are resolved
 * (src/server/imports/import.links.ts); everything else is checked by those same contracts.
 */
const ref = z.string().trim().min(1).max(100);
const code = z.string().trim().min(1).max(40);
const articles = z.array(z.string().trim().min(1).max(20)).min(1).max(10);

export const justiceEventRow = z.strictObject({
  caseExternalId: ref,
  suspectExternalId: ref,
  type: z.enum(justiceEventTypes as [JusticeEventType, ...JusticeEventType[]]),
  occurredOn: isoDate,
  documentNumber: z.string().trim().min(1).max(200).optional(),
  prosecutorOffice: z.string().trim().min(1).max(200).optional(),
  court: z.string().trim().min(1).max(200).optional(),
  receivingInstitution: code.optional(),
  receivingUnit: code.optional(),
  articles: articles.optional(),
  fromArticles: articles.optional(),
  toArticles: articles.optional(),
  archiveReason: z.enum(archiveReasons).optional(),
  decision: z.enum(decisions).optional(),
  appealOutcome: z.enum(appealOutcomes).optional(),
  sentenceYears: z.number().int().min(0).max(99).optional(),
  sentenceMonths: z.number().int().min(0).max(11).optional(),
  sentenceEffective: z.boolean().optional(),
  fineAmount: z.number().min(0).optional(),
  reparationAmount: z.number().min(0).optional(),
  currency: currencyCode.optional(),
  country: countryCode.optional(),
  /** A correction: the sender's number of the event this one replaces. */
  supersedesExternalId: ref.optional(),
});
export type JusticeEventRow = z.infer<typeof justiceEventRow>;

export const referralRow = z.strictObject({
  caseExternalId: ref,
  victimExternalId: ref,
  toInstitution: code,
  toUnit: code.optional(),
  serviceType: z.enum(serviceTypes),
  requestedOn: isoDate.optional(),
  consentGiven: z.boolean().optional(),
  consentOverrideReason: z.string().trim().min(3).max(500).optional(),
});
export type ReferralRow = z.infer<typeof referralRow>;

/** A call as the hotline's own system holds it (the referral to a unit is RETA's rule, not the sender's). */
export const hotlineCallRow = callCreate.omit({ externalId: true, referredUnitId: true }).strict();
export type HotlineCallRow = z.infer<typeof hotlineCallRow>;

export const operationRow = operationUpsert.omit({ unitId: true }).strict();
export type OperationRow = z.infer<typeof operationRow>;
