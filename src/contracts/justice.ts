import { z } from 'zod';
import { appealOutcomes, archiveReasons, decisions, justiceEventTypes, justiceStages, type JusticeEventType } from '../core/justice/events';
import { defendantOutcomes } from '../core/justice/stage';
import { aggravationReasons } from '../core/legal/aggravation';
import { tierCodes } from '../core/legal/types';
import { countryCode, currencyCode, isoDate, listQuery, listResponse, uuid } from './common';
import { inboxListQuery, inboxResponse } from './inbox';
import { articleNumber } from './legal';

/** An article as a person writes it; resolved on the server to the row in force on the date of the facts. */
export const articleInput = z.object({ number: articleNumber, tier: z.enum(tierCodes).optional() });
const articleList = z.array(articleInput).min(1).max(10);
const text = z.string().trim().min(1).max(200);
/** numeric(14,2): at most 999,999,999,999.99. */
const amount = z.number().min(0).max(999_999_999_999).multipleOf(0.01);

const eventFields = z.object({
  type: z.enum(justiceEventTypes as [JusticeEventType, ...JusticeEventType[]]),
  occurredOn: isoDate,
  externalId: z.string().trim().min(1).max(100).optional(),
  documentNumber: text.optional(),
  prosecutorOffice: text.optional(),
  court: text.optional(),
  receivingInstitutionId: uuid.optional(),
  receivingUnitId: uuid.optional(),
  articles: articleList.optional(),
  fromArticles: articleList.optional(),
  toArticles: articleList.optional(),
  archiveReason: z.enum(archiveReasons).optional(),
  decision: z.enum(decisions).optional(),
  appealOutcome: z.enum(appealOutcomes).optional(),
  sentence: z.object({ years: z.number().int().min(0).max(99), months: z.number().int().min(0).max(11), effective: z.boolean() }).optional(),
  fineAmount: amount.optional(),
  reparationAmount: amount.optional(),
  currency: currencyCode.optional(),
  country: countryCode.optional(),
  /** A correction: the event this one replaces (which stays readable). */
  supersedesEventId: uuid.optional(),
  /**
   * Sentencing warnings (below the legal minimum, suspension not allowed): `false` stops the save with 422
   * `justice.sentence_warning` so the clerk can check (what the web form sends first), `true` records the
   * sentence as the court gave it with the confirmation audited. Absent: recorded, flagged as always — a
   * sentence is a court's decision that an integration transmits as given.
   */
  confirmWarnings: z.boolean().optional(),
});
type EventFields = z.infer<typeof eventFields>;
type Optional = Exclude<keyof EventFields, 'type' | 'occurredOn' | 'externalId' | 'supersedesEventId' | 'confirmWarnings'>;

const common: Optional[] = ['documentNumber'];
/** Which fields each event type takes, and which it requires. Anything else is refused, not silently dropped. */
export const eventFieldRules: Record<JusticeEventType, { allowed: Optional[]; required: Optional[] }> = {
  arrest: { allowed: common, required: [] },
  detention: { allowed: common, required: [] },
  release_from_custody: { allowed: common, required: [] },
  police_report_sent: { allowed: [...common, 'receivingInstitutionId', 'receivingUnitId', 'prosecutorOffice', 'articles'], required: ['receivingInstitutionId'] },
  preliminary_investigation_opened: { allowed: [...common, 'prosecutorOffice', 'articles'], required: [] },
  investigation_formalised: { allowed: [...common, 'prosecutorOffice', 'articles'], required: [] },
  charges_filed: { allowed: [...common, 'prosecutorOffice', 'court', 'articles', 'receivingInstitutionId', 'receivingUnitId'], required: ['articles', 'receivingInstitutionId'] },
  reclassified: { allowed: [...common, 'prosecutorOffice', 'court', 'fromArticles', 'toArticles'], required: ['fromArticles', 'toArticles'] },
  archived: { allowed: [...common, 'prosecutorOffice', 'archiveReason'], required: ['archiveReason'] },
  plea_agreement: { allowed: [...common, 'prosecutorOffice', 'court', 'articles'], required: [] },
  trial_started: { allowed: [...common, 'court'], required: [] },
  decision: { allowed: [...common, 'court', 'decision', 'articles'], required: ['decision'] },
  sentence: { allowed: [...common, 'court', 'sentence', 'articles', 'fineAmount', 'reparationAmount', 'currency'], required: ['sentence'] },
  appeal_filed: { allowed: [...common, 'court'], required: [] },
  appeal_decided: { allowed: [...common, 'court', 'appealOutcome', 'articles'], required: ['appealOutcome'] },
  final: { allowed: [...common, 'court'], required: [] },
  imprisonment_started: { allowed: [...common, 'court'], required: [] },
  released: { allowed: [...common, 'court'], required: [] },
  extradition_requested: { allowed: [...common, 'country'], required: ['country'] },
  extradited: { allowed: [...common, 'country'], required: ['country'] },
  mutual_legal_assistance: { allowed: [...common, 'country'], required: ['country'] },
};

export const eventCreate = eventFields.superRefine((value, ctx) => {
  const rule = eventFieldRules[value.type];
  for (const field of rule.required) if (value[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
  for (const key of Object.keys(value) as Array<keyof EventFields>) {
    if (key in { type: 1, occurredOn: 1, externalId: 1, supersedesEventId: 1, confirmWarnings: 1 }) continue;
    if (value[key] !== undefined && !rule.allowed.includes(key as Optional)) ctx.addIssue({ code: 'custom', path: [key], message: 'justice.field_not_applicable' });
  }
  if (value.receivingUnitId && !value.receivingInstitutionId) ctx.addIssue({ code: 'custom', path: ['receivingInstitutionId'], message: 'required' });
});
export type EventCreate = z.infer<typeof eventCreate>;

export const eventArticleView = z.object({
  articleId: z.string(), articleNumber: z.string(), regimeId: z.string(), regimeCode: z.string(), tierCode: z.string().nullable(),
  isTrafficking: z.boolean(), isLesserOffence: z.boolean(),
});

export const eventView = z.object({
  id: z.string(), caseId: z.string(), suspectId: z.string(), type: z.string(), stage: z.string(), occurredOn: z.string(),
  recordedAt: z.string(), recordedBy: z.string().nullable(), institutionId: z.string(), unitId: z.string().nullable(),
  externalId: z.string().nullable(), documentNumber: z.string().nullable(), prosecutorOffice: z.string().nullable(), court: z.string().nullable(),
  receivingInstitutionId: z.string().nullable(), receivingUnitId: z.string().nullable(), archiveReason: z.string().nullable(),
  decision: z.string().nullable(), appealOutcome: z.string().nullable(), sentenceMonths: z.number().nullable(),
  sentenceEffective: z.boolean().nullable(), fineAmount: z.number().nullable(), reparationAmount: z.number().nullable(),
  currency: z.string().nullable(), country: z.string().nullable(), supersedesEventId: z.string().nullable(),
  supersededByEventId: z.string().nullable(), superseded: z.boolean(),
  articles: z.array(eventArticleView), fromArticles: z.array(eventArticleView), toArticles: z.array(eventArticleView),
});

const rangeView = z.object({
  articleNumber: z.string(), regimeCode: z.string(), tierCode: z.string(), minMonths: z.number(), maxMonths: z.number().nullable(),
  suspensionAllowed: z.boolean(), confirmedInPrimarySource: z.boolean(),
});

const aggravationStep = z.object({ tier: z.enum(tierCodes).nullable(), required: z.enum(tierCodes), omitted: z.boolean() });

export const defendantView = z.object({
  suspectId: z.string(),
  personId: z.string(),
  stage: z.enum(['none', ...justiceStages]),
  outcome: z.enum(defendantOutcomes).nullable(),
  inCustody: z.boolean(),
  final: z.boolean(),
  pendingAppeals: z.number(),
  sentence: z.object({ eventId: z.string(), months: z.number(), effective: z.boolean(), occurredOn: z.string() }).nullable(),
  applicableRange: rangeView.nullable(),
  flags: z.object({
    belowMinimum: z.boolean(), suspendedNotAllowed: z.boolean(), aboveMaximum: z.boolean(), reclassified: z.boolean(), publicOfficial: z.boolean(),
    /** A later regime punishes the conduct charged more mildly: a prosecutor or judge reviews favourability. */
    favourabilityToReview: z.boolean(),
    /** The tier charged or convicted under is below the tier the recorded facts require (src/core/legal/aggravation.ts). */
    aggravationOmitted: z.boolean(),
  }),
  aggravation: z.object({
    required: z.enum(tierCodes),
    reasons: z.array(z.enum(aggravationReasons)),
    charge: aggravationStep.nullable(),
    conviction: aggravationStep.nullable(),
    omitted: z.boolean(),
  }),
  reclassification: z.object({ from: z.array(z.string()), to: z.array(z.string()) }).nullable(),
  /** The charged articles with a milder later counterpart (src/core/legal/favourability.ts). */
  favourableLaterLaw: z.array(z.object({
    articleNumber: z.string(), regimeCode: z.string(), laterArticleNumber: z.string(), laterRegimeCode: z.string(), minMonths: z.number(), maxMonths: z.number().nullable(),
  })),
  events: z.array(eventView),
});

export const caseJusticeView = z.object({
  caseId: z.string(),
  stage: z.enum(['none', ...justiceStages]),
  defendants: z.array(defendantView),
});

/** `:id` is the case, named as the cases routes name it (one parameter name per path position). */
export const justiceCaseParams = z.object({ id: uuid });
export const justiceSuspectParams = z.object({ id: uuid, suspectId: uuid });

export const eventListQuery = listQuery.extend({
  caseId: uuid.optional(),
  suspectId: uuid.optional(),
  type: z.enum(justiceEventTypes as [JusticeEventType, ...JusticeEventType[]]).optional(),
  stage: z.enum(justiceStages).optional(),
  /** The inbox of an institution: police reports and charges sent to it. */
  receivingInstitutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  includeSuperseded: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});
export type EventListQuery = z.infer<typeof eventListQuery>;
export const eventList = listResponse(eventView);

/**
 * The justice inbox: police reports and charges sent to the actor's institution (or, with `mine`, to the
 * actor's unit), newest first, with the case code and a new marker on each row.
 */
export const justiceInboxQuery = inboxListQuery.extend({
  /** Only what still waits for the office: nothing recorded by its institution on that defendant since. */
  waiting: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  type: z.enum(justiceEventTypes as [JusticeEventType, ...JusticeEventType[]]).optional(),
});
export type JusticeInboxQuery = z.infer<typeof justiceInboxQuery>;
export const justiceInbox = inboxResponse(eventView);
