import { describe, expect, it } from 'vitest';
import { ageGroupOnAdmission, placementWarnings, victimPlacementWarnings } from './shelter-population';

describe('shelter placement warnings', () => {
  it('warns before a child goes to an adult shelter, and before an adult goes to a children\'s shelter', () => {
    expect(placementWarnings('women', { sex: 'female', child: true })).toEqual(['child_in_adult_shelter']);
    expect(placementWarnings('girls', { sex: 'female', child: false })).toEqual(['adult_in_child_shelter']);
    expect(placementWarnings('adolescents', { sex: 'male', child: true })).toEqual([]);
  });

  it('warns on the other sex, but not when the sex is unknown', () => {
    expect(placementWarnings('women', { sex: 'male', child: false })).toEqual(['sex_mismatch']);
    expect(placementWarnings('boys', { sex: 'female', child: true })).toEqual(['sex_mismatch']);
    expect(placementWarnings('women', { sex: 'unknown', child: false })).toEqual([]);
  });

  it('a mixed shelter takes anyone', () => {
    expect(placementWarnings('mixed', { sex: 'male', child: true })).toEqual([]);
  });

  it('the 15-year-old of the walk is a child in a women\'s shelter', () => {
    expect(victimPlacementWarnings('women', { sex: 'female', ageYears: 15, ageVerified: true, factsYear: 2026 }, 2026)).toEqual(['child_in_adult_shelter']);
  });

  it('ages from the facts to the admission; an unknown age stays a presumed child', () => {
    expect(ageGroupOnAdmission({ ageYears: 16, ageVerified: true, factsYear: 2023 }, 2026)).toBe('adult');
    expect(ageGroupOnAdmission({ ageYears: 16, ageVerified: true, factsYear: 2026 }, 2026)).toBe('child');
    // 17 at facts late last year may still be 17 now.
    expect(ageGroupOnAdmission({ ageYears: 17, ageVerified: true, factsYear: 2025 }, 2026)).toBe('child');
    expect(ageGroupOnAdmission({ ageYears: 17, ageVerified: true, factsYear: 2024 }, 2026)).toBe('adult');
    expect(ageGroupOnAdmission({ factsYear: 2020 }, 2026)).toBe('presumed_child');
  });
});
