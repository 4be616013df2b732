// The band boundaries are data, defined once in stats/age-schemes.ts (what the SQL builder reads too).
import { ageSchemes, bandOf } from './stats/age-schemes';
/**
 * Age at exploitation (domain.md rule 2): the age when the acts happened, not at registration, decides
 * child / adult. An unknown or unverified age that may be under 18 means a presumed child.
 */
export type AgeGroup = 'child' | 'presumed_child' | 'adult';
export type VictimAgeBand = 'under_14' | '14_17' | 'under_18' | '18_plus';

export const CHILD_AGE_LIMIT = 18;

/**
 * Estimating a young person's age by appearance is unreliable by a couple of years either way (the
 * margin forensic age assessment usually states). So an estimated or unverified age below 18 + 2 = 20
 * may be under 18 and the person is presumed a child until the age is verified.
 */
export const AGE_ESTIMATE_MARGIN_YEARS = 2;

export interface VictimAge {
  ageYears?: number | null;
  ageEstimated?: boolean | null;
  ageVerified?: boolean | null;
  ageBand?: VictimAgeBand | string | null;
  /** The person's birth year (kept from the birth date when only that was given). */
  birthYear?: number | null;
  /** The year the facts began (or of registration when the facts have no date). */
  factsYear?: number | null;
}

/**
 * The age at the facts that every rule reads: the age entered; else, when a birth year is known (the
 * birth date is encrypted identity data, its year is kept in clear as `birth_year`), the age reached in
 * the year the facts began — `factsYear − birthYear`, which may be one year too high (birthday later in
 * the year), so it counts as an estimate. Null when neither is known (then the coarse band, if any).
 */
export function ageAtFacts(victim: VictimAge): { years: number | null; estimated: boolean; fromBirthYear?: true } {
  if (victim.ageYears !== null && victim.ageYears !== undefined) return { years: victim.ageYears, estimated: Boolean(victim.ageEstimated) };
  if (victim.birthYear && victim.factsYear && victim.factsYear >= victim.birthYear) return { years: victim.factsYear - victim.birthYear, estimated: true, fromBirthYear: true };
  return { years: null, estimated: Boolean(victim.ageEstimated) };
}

/**
 * The youngest the person can have been at the facts: an age from the birth year is the age reached in
 * that year, so the person may have been one year younger (birthday not yet come); an estimate may be
 * off by the margin; an age entered as exact is that age.
 */
function youngestPossibleAge(age: { years: number; estimated: boolean; fromBirthYear?: true }): number {
  if (age.fromBirthYear) return age.years - 1;
  return age.estimated ? age.years - AGE_ESTIMATE_MARGIN_YEARS : age.years;
}

/**
 * `child` (verified under 18), `presumed_child` (may be under 18, not verified) or `adult`. Rule 2: the
 * presumption applies to an unknown age and to an estimated one that may be under 18 (below 18 + the
 * margin; an age from the birth year may be one year too high, so 18 or less). An exact age stated as 18 or more is an adult's, verified or not; an exact age under 18 not
 * yet verified is a presumed child (a child either way). This is the one definition: every statistic
 * reads it through the fact rows (src/core/stats/facts.ts), and the independent recomputation
 * (src/server/stats/stats.recompute.property.test.ts) checks the figures cell by cell.
 */
export function ageGroupOf(victim: VictimAge): AgeGroup {
  const age = ageAtFacts(victim);
  const verified = Boolean(victim.ageVerified) && !age.estimated;
  if (age.years !== null) {
    if (verified) return age.years < CHILD_AGE_LIMIT ? 'child' : 'adult';
    // "May be under 18" (rule 2): the youngest possible age is under 18. A birth year gives a one-year
    // window (born 1998, facts in 2016: 17 or 18), an estimate the margin.
    if (age.estimated) return youngestPossibleAge(age as { years: number; estimated: boolean; fromBirthYear?: true }) < CHILD_AGE_LIMIT ? 'presumed_child' : 'adult';
    return age.years < CHILD_AGE_LIMIT ? 'presumed_child' : 'adult';
  }
  switch (victim.ageBand) {
    case 'under_14':
    case '14_17':
    case 'under_18':
      return verified ? 'child' : 'presumed_child';
    case '18_plus':
      // Stated as an adult band: whoever entered it assessed the person as 18 or older.
      return 'adult';
    default:
      return 'presumed_child';
  }
}

export const isChild = (group: AgeGroup) => group === 'child' || group === 'presumed_child';
export const isChildVictim = (victim: VictimAge) => isChild(ageGroupOf(victim));

// Reporting schemes: one stored age, several bands (domain.md "Age bands").

export type RetaAgeBand = '0_13' | '14_17' | '18_30' | '31_plus';
/** RETA seed tables: 0–13, 14–17, 18–30, 31+. Null when the age is unknown. */
export const retaAgeBand = (ageYears: number | null | undefined) => bandOf(ageSchemes.reta, ageYears) as RetaAgeBand | null;

export type PeruLegalAgeBand = 'under_14' | '14_17' | '18_plus';
/** Peruvian penal-law thresholds: under 14 (aggravation), 14–17, 18+. */
export const peruLegalAgeBand = (ageYears: number | null | undefined) => bandOf(ageSchemes.peru, ageYears) as PeruLegalAgeBand | null;

export type UnodcCategory = 'girl' | 'boy' | 'woman' | 'man' | 'unknown';
/**
 * UNODC GLOTIP: child (<18) or adult crossed with sex. A presumed child counts as a child (the
 * protective presumption of rule 2); an unknown sex gives `unknown`.
 */
export function unodcCategory(sex: string | null | undefined, group: AgeGroup): UnodcCategory {
  const child = isChild(group);
  if (sex === 'female') return child ? 'girl' : 'woman';
  if (sex === 'male') return child ? 'boy' : 'man';
  return 'unknown';
}

export const ctdcAgeBroadBands = ['0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+'] as const;
export type CtdcAgeBroad = (typeof ctdcAgeBroadBands)[number];
/** CTDC codebook `ageBroad`. Null when the age is unknown. */
export const ctdcAgeBroad = (ageYears: number | null | undefined) => bandOf(ageSchemes.ctdc, ageYears) as CtdcAgeBroad | null;
