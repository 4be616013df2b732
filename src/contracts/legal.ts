import { z } from 'zod';
import { tierCodes } from '../core/legal/types';
import { countryCode, isoDate, shortText, uuid, version } from './common';

const code = z.string().trim().min(2).max(60).regex(/^[a-z0-9_]+$/, { message: 'invalid_format' });
/** `153`, `153-A`, `129-Ñ`, `181-A` (written loosely: `153a` is accepted and normalised). */
export const articleNumber = z.string().trim().min(1).max(20).regex(/^\d{1,4}(\s*-?\s*[A-Za-zÑñ])?$/, { message: 'invalid_format' });
const months = z.number().int().min(0).max(1200);

export const regimeCreate = z.object({
  code,
  country: countryCode.default('PER'),
  name: shortText,
  inForceFrom: isoDate.nullable(),
  maxSuspendedSentenceMonths: months.default(48),
});
/** Regimes and articles are per country profile; without `country` the lists are Peru's (the default profile). */
export const regimeQuery = z.object({ country: countryCode.optional() });
export const regimeUpdate = regimeCreate.omit({ code: true, country: true }).partial().extend({ version });
export const regimeView = z.object({
  id: z.string(), code: z.string(), country: z.string(), name: z.string(), inForceFrom: z.string().nullable(),
  maxSuspendedSentenceMonths: z.number(), version: z.number(),
});

const tierFields = z.object({
  tierCode: z.enum(tierCodes),
  minMonths: months,
  maxMonths: months.nullable(),
  suspensionAllowed: z.boolean(),
  confirmedInPrimarySource: z.boolean().default(false),
});
const rangeInOrder = (t: { minMonths?: number; maxMonths?: number | null }) => t.maxMonths == null || t.minMonths === undefined || t.maxMonths >= t.minMonths;
const rangeIssue = { message: 'legal.range_reversed', path: ['maxMonths'] };
export const tierCreate = tierFields.refine(rangeInOrder, rangeIssue);
export const tierUpdate = tierFields.omit({ tierCode: true }).partial().extend({ version }).refine(rangeInOrder, rangeIssue);
export const tierView = z.object({
  id: z.string(), articleId: z.string(), tierCode: z.string(), minMonths: z.number(), maxMonths: z.number().nullable(),
  suspensionAllowed: z.boolean(), confirmedInPrimarySource: z.boolean(), version: z.number(),
});

export const articleCreate = z.object({
  regimeId: uuid,
  articleNumber,
  titleCode: code,
  heading: z.string().trim().max(300).nullish(),
  isTrafficking: z.boolean(),
  isLesserOffence: z.boolean().default(false),
  relatedTraffickingArticle: articleNumber.nullish(),
  repealedByRegimeId: uuid.nullish(),
  tiers: z.array(tierCreate).max(10).default([]),
});
export const articleUpdate = articleCreate.omit({ regimeId: true, articleNumber: true, tiers: true }).partial().extend({ version });
export const articleView = z.object({
  id: z.string(), regimeId: z.string(), regimeCode: z.string(), articleNumber: z.string(), titleCode: z.string(),
  heading: z.string().nullable(), isTrafficking: z.boolean(), isLesserOffence: z.boolean(),
  relatedTraffickingArticle: z.string().nullable(), repealedByRegimeId: z.string().nullable(),
  repealedByRegimeCode: z.string().nullable(), version: z.number(), tiers: z.array(tierView),
});

export const articleQuery = z.object({
  country: countryCode.optional(),
  regime: code.optional(),
  /** Only the articles in force on this date. */
  at: isoDate.optional(),
  number: articleNumber.optional(),
  trafficking: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const resolveQuery = z.object({ article: articleNumber, date: isoDate });
export const resolveView = z.object({ article: articleView, regime: regimeView });

export type RegimeCreate = z.infer<typeof regimeCreate>;
export type RegimeUpdate = z.infer<typeof regimeUpdate>;
export type TierCreate = z.infer<typeof tierCreate>;
export type TierUpdate = z.infer<typeof tierUpdate>;
export type ArticleCreate = z.infer<typeof articleCreate>;
export type ArticleUpdate = z.infer<typeof articleUpdate>;
export type ArticleQuery = z.infer<typeof articleQuery>;
