import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_ESTIMATE_MARGIN_YEARS, ageAtFacts, ageGroupOf, ctdcAgeBroad, isChild, peruLegalAgeBand, retaAgeBand, unodcCategory } from './age';

describe('age group at exploitation', () => {
  it('a verified age under 18 is a child, 18 and over an adult', () => {
    expect(ageGroupOf({ ageYears: 16, ageVerified: true })).toBe('child');
    expect(ageGroupOf({ ageYears: 17, ageVerified: true })).toBe('child');
    expect(ageGroupOf({ ageYears: 18, ageVerified: true })).toBe('adult');
  });

  it('an unknown age is a presumed child', () => {
    expect(ageGroupOf({})).toBe('presumed_child');
    expect(ageGroupOf({ ageYears: null, ageBand: null })).toBe('presumed_child');
  });

  it('an unverified or estimated age within the margin above 18 is a presumed child', () => {
    expect(AGE_ESTIMATE_MARGIN_YEARS).toBe(2);
    expect(ageGroupOf({ ageYears: 16 })).toBe('presumed_child');
    expect(ageGroupOf({ ageYears: 19, ageEstimated: true })).toBe('presumed_child');
    expect(ageGroupOf({ ageYears: 20, ageEstimated: true })).toBe('adult');
    // Estimated is never verified, whatever the flag says.
    expect(ageGroupOf({ ageYears: 19, ageEstimated: true, ageVerified: true })).toBe('presumed_child');
    expect(ageGroupOf({ ageYears: 30 })).toBe('adult');
  });

  it('uses the band when no age in years is known', () => {
    expect(ageGroupOf({ ageBand: 'under_14', ageVerified: true })).toBe('child');
    expect(ageGroupOf({ ageBand: '14_17' })).toBe('presumed_child');
    expect(ageGroupOf({ ageBand: 'under_18' })).toBe('presumed_child');
    expect(ageGroupOf({ ageBand: '18_plus' })).toBe('adult');
  });

  it('never calls someone verified under 18 an adult, nor anyone possibly under 18 an adult', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.boolean(), fc.boolean(), (age, estimated, verified) => {
        const group = ageGroupOf({ ageYears: age, ageEstimated: estimated, ageVerified: verified });
        if (age < 18) expect(isChild(group)).toBe(true);
        if (group === 'child') expect(verified && !estimated && age < 18).toBe(true);
        if (age >= 20) expect(group).toBe('adult');
      }),
    );
  });
});

describe('presumption of minority only where the age may be under 18 (issue 9 item 1)', () => {
  it('counts an exact, unverified age of 18 or 19 as an adult, and an estimated one as a presumed child', () => {
    expect(ageGroupOf({ ageYears: 18 })).toBe('adult');
    expect(ageGroupOf({ ageYears: 19, ageVerified: false })).toBe('adult');
    expect(ageGroupOf({ ageYears: 19, ageEstimated: true })).toBe('presumed_child');
    expect(ageGroupOf({ ageYears: 17 })).toBe('presumed_child');
    expect(unodcCategory('female', ageGroupOf({ ageYears: 19 }))).toBe('woman');
  });

  it('derives the age at the facts from the birth year when no age is given, as an estimate', () => {
    expect(ageAtFacts({ birthYear: 2000, factsYear: 2016 })).toEqual({ years: 16, estimated: true, fromBirthYear: true });
    expect(ageGroupOf({ birthYear: 2000, factsYear: 2016 })).toBe('presumed_child');
    expect(ageGroupOf({ birthYear: 1990, factsYear: 2016 })).toBe('adult');
    // A year of birth cannot verify an exact age: near 18 the presumption stays. Born 1998, in 2016 the
    // person was 17 or 18 (may be under 18); born 1997, 18 or 19 all year (cannot be: an adult).
    expect(ageGroupOf({ birthYear: 1998, factsYear: 2016, ageVerified: true })).toBe('presumed_child');
    expect(ageGroupOf({ birthYear: 1997, factsYear: 2016 })).toBe('adult');
    expect(ageGroupOf({ birthYear: 1997, factsYear: 2016, ageVerified: true })).toBe('adult');
    // The age entered wins over the birth year; no facts year, nothing derived.
    expect(ageAtFacts({ ageYears: 30, birthYear: 2000, factsYear: 2016 })).toEqual({ years: 30, estimated: false });
    expect(ageAtFacts({ birthYear: 2000 })).toEqual({ years: null, estimated: false });
    expect(ageGroupOf({ birthYear: 2000 })).toBe('presumed_child');
  });
});

describe('age bands', () => {
  it('RETA bands 0–13, 14–17, 18–30, 31+', () => {
    expect([0, 13, 14, 17, 18, 30, 31, 99].map(retaAgeBand)).toEqual(['0_13', '0_13', '14_17', '14_17', '18_30', '18_30', '31_plus', '31_plus']);
    expect(retaAgeBand(null)).toBeNull();
  });

  it('Peruvian legal thresholds', () => {
    expect([13, 14, 17, 18].map(peruLegalAgeBand)).toEqual(['under_14', '14_17', '14_17', '18_plus']);
    expect(peruLegalAgeBand(undefined)).toBeNull();
  });

  it('UNODC girls, boys, women, men', () => {
    expect(unodcCategory('female', 'child')).toBe('girl');
    expect(unodcCategory('male', 'presumed_child')).toBe('boy');
    expect(unodcCategory('female', 'adult')).toBe('woman');
    expect(unodcCategory('male', 'adult')).toBe('man');
    expect(unodcCategory('unknown', 'adult')).toBe('unknown');
  });

  it('CTDC ageBroad edges', () => {
    const cases: Array<[number, string]> = [
      [0, '0-8'], [8, '0-8'], [9, '9-17'], [17, '9-17'], [18, '18-20'], [20, '18-20'], [21, '21-23'], [23, '21-23'],
      [24, '24-26'], [26, '24-26'], [27, '27-29'], [29, '27-29'], [30, '30-38'], [38, '30-38'], [39, '39-47'], [47, '39-47'], [48, '48+'], [90, '48+'],
    ];
    for (const [age, band] of cases) expect(ctdcAgeBroad(age)).toBe(band);
    expect(ctdcAgeBroad(null)).toBeNull();
  });
});
