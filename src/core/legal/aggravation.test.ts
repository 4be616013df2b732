import { describe, expect, it } from 'vitest';
import { checkAggravation, requiredTier, type AggravatingFacts } from './aggravation';
import { peruLegalFramework } from './peru';
import { resolveArticle } from './resolve';
import type { ChargedArticle } from './sentencing';

const adult = { ageYears: 30, ageVerified: true };
const facts = (over: Partial<AggravatingFacts> = {}): AggravatingFacts => ({ victims: [adult], publicOfficial: false, criminalOrganisation: false, ...over });
const charge = (number: string, date: string, tierCode?: string): ChargedArticle => {
  const resolved = resolveArticle(peruLegalFramework, number, date)!;
  return { article: resolved.article, regime: resolved.regime, tierCode: tierCode ?? null };
};

describe('the tier the recorded facts require', () => {
  it('is basic for one adult victim and no aggravating circumstance', () => {
    expect(requiredTier(facts())).toEqual({ tier: 'basic', reasons: [] });
  });

  it('is aggravated for a public official, several victims or a victim aged 14 to 17', () => {
    expect(requiredTier(facts({ publicOfficial: true })).tier).toBe('aggravated');
    expect(requiredTier(facts({ victims: [adult, adult] })).reasons).toEqual(['several_victims']);
    expect(requiredTier(facts({ victims: [{ ageYears: 16 }] }))).toEqual({ tier: 'aggravated', reasons: ['victim_under_18'] });
    expect(requiredTier(facts({ victims: [{ ageBand: '14_17' }] })).tier).toBe('aggravated');
    // From the birth year in the year of the facts.
    expect(requiredTier(facts({ victims: [{ birthYear: 2008, factsYear: 2023 }] })).reasons).toEqual(['victim_under_18']);
  });

  it('is aggravated (25 years or more) for a child under 14, a disability, a criminal organisation, death or serious injury', () => {
    expect(requiredTier(facts({ victims: [{ ageYears: 12 }] }))).toEqual({ tier: 'aggravated_severe', reasons: ['victim_under_14'] });
    expect(requiredTier(facts({ victims: [{ ageBand: 'under_14' }] })).tier).toBe('aggravated_severe');
    expect(requiredTier(facts({ victims: [{ ...adult, disability: true }] })).reasons).toEqual(['victim_disabled']);
    expect(requiredTier(facts({ criminalOrganisation: true })).tier).toBe('aggravated_severe');
    expect(requiredTier(facts({ victims: [{ ...adult, deathOrSeriousInjury: true }] })).tier).toBe('aggravated_severe');
  });

  it('never takes an unknown age, or the presumption of minority, as an aggravating fact', () => {
    expect(requiredTier(facts({ victims: [{}] }))).toEqual({ tier: 'basic', reasons: [] });
    expect(requiredTier(facts({ victims: [{ ageBand: 'under_18', ageVerified: false }] })).tier).toBe('aggravated');
    expect(requiredTier(facts({ victims: [{ ageYears: 18 }] })).tier).toBe('basic');
  });
});

describe('aggravation omitted', () => {
  it('flags a basic charge where the facts require an aggravated tier, and not the tier required', () => {
    const minor = facts({ victims: [{ ageYears: 15 }] });
    const basic = checkAggravation(peruLegalFramework, minor, { charged: [charge('129-A', '2023-06-01')], convicted: null });
    expect(basic).toMatchObject({ required: 'aggravated', charge: { tier: 'basic', required: 'aggravated', omitted: true }, conviction: null, omitted: true });
    const aggravated = checkAggravation(peruLegalFramework, minor, { charged: [charge('129-B', '2023-06-01', 'aggravated')], convicted: null });
    expect(aggravated.omitted).toBe(false);
    // The mildest tier of 129-B is "aggravated": not enough for a child under 14.
    const young = checkAggravation(peruLegalFramework, facts({ victims: [{ ageYears: 10 }] }), { charged: [charge('129-B', '2023-06-01')], convicted: null });
    expect(young.charge).toEqual({ tier: 'aggravated', required: 'aggravated_severe', omitted: true });
  });

  it('checks the conviction apart from the charge', () => {
    const official = facts({ publicOfficial: true });
    const check = checkAggravation(peruLegalFramework, official, {
      charged: [charge('129-B', '2023-06-01', 'aggravated')],
      convicted: [charge('129-A', '2023-06-01')],
    });
    expect(check.charge?.omitted).toBe(false);
    expect(check.conviction).toEqual({ tier: 'basic', required: 'aggravated', omitted: true });
    expect(check.omitted).toBe(true);
  });

  it('caps the requirement at what the law then offered, and ignores lesser offences', () => {
    // The 1991 code had no tier of 25 years or more: its aggravated tier is all that could be charged.
    const old = checkAggravation(peruLegalFramework, facts({ criminalOrganisation: true }), { charged: [charge('182', '2005-01-01', 'aggravated')], convicted: null });
    expect(old.charge).toEqual({ tier: 'aggravated', required: 'aggravated', omitted: false });
    const lesser = checkAggravation(peruLegalFramework, facts({ publicOfficial: true }), { charged: [charge('179', '2005-01-01')], convicted: null });
    expect(lesser.charge).toBeNull();
    expect(lesser.omitted).toBe(false);
  });
});
