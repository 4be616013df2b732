/**
 * Aggravation omitted (issue 9): the tier the recorded facts require, against the tier charged or
 * convicted under. Peru's aggravated trafficking (Law 28950 art. 153-A, Law 31146 art. 129-B; domain.md):
 *   aggravated (12–20 years): the agent abused a public office; several victims; a victim aged 14 to 17
 *     (or incapable);
 *   aggravated_severe (≥ 25 years): the victim died or was seriously injured; a victim under 14 or with a
 *     disability; the agent is part of a criminal organisation.
 * Only what the registry records counts as a fact: an age at the facts (entered, or from the birth year)
 * or an age band under 18, a disability recorded as yes, the defendant recorded as a public official or as
 * a member of an organised group (or the case flagged as organised crime), two or more victims, and death
 * or serious injury when recorded. An unknown age never requires aggravation: the presumption of minority
 * protects the victim, it does not prove an aggravating circumstance against a defendant.
 *
 * The requirement is capped at the highest tier the law in force offers for trafficking (the 1991 code
 * had no ≥ 25 tier), and applies to charges under trafficking-family articles only (a reduction to a lesser
 * offence is the reclassification flag's business). A charge names its tier, or is under the article's
 * mildest tier (as the sentencing check reads it).
 */
import { ageAtFacts, type VictimAge } from '../age';
import { articleInForce, findTier } from './resolve';
import type { ChargedArticle } from './sentencing';
import { tierCodes, type LegalFramework, type TierCode } from './types';

export const aggravationReasons = [
  'public_official', 'several_victims', 'victim_under_18', 'victim_under_14', 'victim_disabled', 'criminal_organisation', 'death_or_serious_injury',
] as const;
export type AggravationReason = (typeof aggravationReasons)[number];

const severeReasons: ReadonlySet<AggravationReason> = new Set(['victim_under_14', 'victim_disabled', 'criminal_organisation', 'death_or_serious_injury']);

export interface AggravatingFacts {
  /** The victims of the case (not those found not to be victims). */
  victims: ReadonlyArray<VictimAge & { disability?: boolean | null; deathOrSeriousInjury?: boolean | null }>;
  /** The defendant is recorded as a public official. */
  publicOfficial: boolean;
  /** The defendant is recorded as a member of an organised group, or the case as organised crime. */
  criminalOrganisation: boolean;
}

const rank = (tier: TierCode | null) => (tier === null ? -1 : tierCodes.indexOf(tier));
const isTier = (code: string | null | undefined): code is TierCode => !!code && (tierCodes as readonly string[]).includes(code);
const higher = (a: TierCode | null, b: TierCode | null) => (rank(a) >= rank(b) ? a : b);

/** The aggravating circumstances the recorded facts establish, and the tier they require. */
export function requiredTier(facts: AggravatingFacts): { tier: TierCode; reasons: AggravationReason[] } {
  const reasons = new Set<AggravationReason>();
  if (facts.publicOfficial) reasons.add('public_official');
  if (facts.criminalOrganisation) reasons.add('criminal_organisation');
  if (facts.victims.length >= 2) reasons.add('several_victims');
  for (const v of facts.victims) {
    const age = ageAtFacts(v).years;
    if ((age !== null && age < 14) || (age === null && v.ageBand === 'under_14')) reasons.add('victim_under_14');
    else if ((age !== null && age < 18) || (age === null && (v.ageBand === '14_17' || v.ageBand === 'under_18'))) reasons.add('victim_under_18');
    if (v.disability === true) reasons.add('victim_disabled');
    if (v.deathOrSeriousInjury === true) reasons.add('death_or_serious_injury');
  }
  const list = aggravationReasons.filter((r) => reasons.has(r));
  const tier: TierCode = list.some((r) => severeReasons.has(r)) ? 'aggravated_severe' : list.length ? 'aggravated' : 'basic';
  return { tier, reasons: list };
}

/** The highest tier of a qualification under trafficking-family articles, or null when it has none. */
export function chargedTier(charges: readonly ChargedArticle[]): TierCode | null {
  let best: TierCode | null = null;
  for (const c of charges) {
    if (!c.article.isTrafficking) continue;
    const code = findTier(c.article, c.tierCode)?.tierCode;
    if (isTier(code)) best = higher(best, code);
  }
  return best;
}

/** The highest tier any trafficking-family article in force offered under the regimes of these charges. */
export function tierCeiling(framework: LegalFramework, charges: readonly ChargedArticle[]): TierCode | null {
  let best: TierCode | null = null;
  for (const c of charges) {
    if (!c.article.isTrafficking) continue;
    const day = c.regime.inForceFrom ?? '0001-01-01';
    for (const a of framework.articles) {
      if (!a.isTrafficking || !articleInForce(framework, a, day)) continue;
      for (const t of a.tiers) if (isTier(t.tierCode)) best = higher(best, t.tierCode);
    }
  }
  return best;
}

export interface AggravationStep {
  /** The tier charged (or convicted under); null when no trafficking-family article was named. */
  tier: TierCode | null;
  /** The tier required, capped at what the law then offered. */
  required: TierCode;
  omitted: boolean;
}

export interface AggravationCheck {
  required: TierCode;
  reasons: AggravationReason[];
  charge: AggravationStep | null;
  conviction: AggravationStep | null;
  /** Omitted at the charge or at the conviction. */
  omitted: boolean;
}

function step(framework: LegalFramework, charges: readonly ChargedArticle[], required: TierCode): AggravationStep | null {
  const tier = chargedTier(charges);
  if (tier === null) return null;
  const ceiling = tierCeiling(framework, charges);
  const due = ceiling !== null && rank(ceiling) < rank(required) ? ceiling : required;
  return { tier, required: due, omitted: rank(tier) < rank(due) };
}

/**
 * The aggravation check of one defendant: its latest charges and, when convicted, the articles of the
 * conviction, each against the tier the recorded facts require.
 */
export function checkAggravation(
  framework: LegalFramework,
  facts: AggravatingFacts,
  qualification: { charged: readonly ChargedArticle[]; convicted: readonly ChargedArticle[] | null },
): AggravationCheck {
  const { tier: required, reasons } = requiredTier(facts);
  const charge = step(framework, qualification.charged, required);
  const conviction = qualification.convicted ? step(framework, qualification.convicted, required) : null;
  return { required, reasons, charge, conviction, omitted: Boolean(charge?.omitted || conviction?.omitted) };
}
