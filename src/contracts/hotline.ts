import { z } from 'zod';
import { hotlineClassifications } from '../core/codes';
import { callChannels, callCloseReasons, callerTypes, callOutcomes, callStatuses } from '../core/hotline/call-status';
import { inboxFilters, inboxResponse } from './inbox';
import { countryCode, dateTime, isoDate, listQuery, listResponse, longText, ubigeoCode, uuid, version } from './common';

const count = z.number().int().min(0).max(100_000);
const externalId = z.string().trim().min(1).max(100);

export const callCreate = z.object({
  externalId: externalId.optional(),
  receivedAt: dateTime,
  channel: z.enum(callChannels),
  callerType: z.enum(callerTypes),
  classification: z.enum(hotlineClassifications),
  /** Where the reported facts are: a UBIGEO, or a country when abroad; both may be unknown. */
  ubigeo: ubigeoCode.nullish(),
  country: countryCode.nullish(),
  /** Restricted: stored encrypted, shown only to those who may read it. */
  summary: longText.nullish(),
  /** Manual override of the nearest-unit referral (a police unit). */
  referredUnitId: uuid.nullish(),
});
export type CallCreate = z.infer<typeof callCreate>;

export const callUpdate = callCreate.omit({ externalId: true, referredUnitId: true }).partial().extend({ version });
export type CallUpdate = z.infer<typeof callUpdate>;

export const callReferral = z.object({ unitId: uuid.nullish(), version });
/** The case a call led to, by id or by its code (what the police unit tells the hotline operator). */
export const callCaseLink = z
  .object({ caseId: uuid.optional(), caseCode: z.string().trim().min(1).max(40).optional(), version })
  .refine((v) => Boolean(v.caseId) !== Boolean(v.caseCode), { message: 'required', path: ['caseCode'] });
export const callOutcome = z
  .object({ arrests: count.optional(), closedReason: z.enum(callCloseReasons).optional(), version })
  .refine((v) => v.arrests !== undefined || v.closedReason !== undefined, { message: 'required', path: ['arrests'] });

export const callListQuery = listQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  classification: z.enum(hotlineClassifications).optional(),
  status: z.enum(callStatuses).optional(),
  referredUnitId: uuid.optional(),
});
export type CallListQuery = z.infer<typeof callListQuery>;

export const callView = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  institutionId: z.string(),
  unitId: z.string().nullable(),
  receivedAt: z.string(),
  channel: z.string(),
  callerType: z.string(),
  classification: z.string(),
  ubigeo: z.string().nullable(),
  country: z.string().nullable(),
  status: z.enum(callStatuses),
  outcome: z.enum(callOutcomes),
  /** Null unless the actor may read it (and the read was audited); `hasSummary` says whether one exists. */
  summary: z.string().nullable(),
  hasSummary: z.boolean(),
  referral: z
    .object({
      unitId: z.string(),
      unitCode: z.string().nullable(),
      unitName: z.string().nullable(),
      institutionId: z.string(),
      at: z.string().nullable(),
      mode: z.string().nullable(),
      level: z.string().nullable(),
    })
    .nullable(),
  /** `arrests`: arrest events (not superseded) in the linked case's justice chain. */
  linkedCase: z.object({ id: z.string(), code: z.string().nullable(), linkedAt: z.string().nullable(), arrests: z.number().int() }).nullable(),
  /** Arrests the police unit recorded on the call itself. */
  arrests: z.number().nullable(),
  closedReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcomeAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CallView = z.infer<typeof callView>;
export const callList = listResponse(callView);

/** The hotline follow-up inbox: newest referral first, "mine" = referred to my unit or registered by me. */
export const followUpQuery = listQuery.merge(inboxFilters.pick({ mine: true }));
export type FollowUpQuery = z.infer<typeof followUpQuery>;
export const followUpList = inboxResponse(callView);

export const monthlyStatsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const countsBy = <T extends readonly [string, ...string[]]>(codes: T) => z.object(Object.fromEntries(codes.map((c) => [c, z.number().int()])) as { [K in T[number]]: z.ZodNumber });
export const monthlyStatsView = z.object({
  year: z.number().int(),
  months: z.array(
    z.object({
      month: z.number().int(),
      total: z.number().int(),
      byClassification: countsBy(hotlineClassifications),
      byOutcome: countsBy(callOutcomes),
      arrests: z.number().int(),
    }),
  ),
});
export type MonthlyStatsView = z.infer<typeof monthlyStatsView>;
