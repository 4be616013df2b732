import { z } from 'zod';
import { isoDate, listQuery, listResponse, uuid } from './common';

export const qualityCheckCodes = [
  'missing_facts_date', 'missing_acts', 'missing_purposes', 'missing_means', 'missing_exploitation_place', 'no_victim',
  'stale', 'duplicate_pending', 'facts_after_registration', 'child_consent_sole_basis', 'conviction_without_charge', 'sentence_outside_range',
] as const;

export const qualityQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  unitId: uuid.optional(),
  institutionId: uuid.optional(),
  groupBy: z.enum(['unit', 'institution']).default('unit'),
});
export type QualityQuery = z.output<typeof qualityQuery>;

const percent = z.string().nullable();
export const qualityGroup = z.object({
  key: z.string(),
  label: z.string().optional(),
  cases: z.number().int(),
  victims: z.number().int(),
  /** Share of cases (or victims) with the field recorded, as percentages of one decimal. */
  completeness: z.object({
    factsDate: percent, acts: percent, purposes: percent, means: percent, exploitationPlace: percent,
    victimSex: percent, victimAge: percent, victimNationality: percent, victimOrigin: percent,
  }),
  /** Median days: registered − reported, registered − start of the facts. */
  registrationLag: z.object({ fromReportMedianDays: z.number().nullable(), fromFactsMedianDays: z.number().nullable() }),
  checks: z.record(z.string(), z.number().int()),
});
export const qualityResult = z.object({ groupBy: z.enum(['unit', 'institution']), staleDays: z.number().int(), items: z.array(qualityGroup), totals: qualityGroup });

export const qualityCasesQuery = listQuery.extend({
  check: z.enum(qualityCheckCodes),
  from: isoDate.optional(),
  to: isoDate.optional(),
  unitId: uuid.optional(),
  institutionId: uuid.optional(),
});
export const qualityCaseItem = z.object({ caseId: z.string(), code: z.string(), unitId: z.string(), institutionId: z.string(), registeredAt: z.string() });
export const qualityCasesResult = listResponse(qualityCaseItem);
