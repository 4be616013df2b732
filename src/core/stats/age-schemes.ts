/**
 * The reporting age schemes of domain.md as data, so the SQL builder and the documentation read the
 * same boundaries as the pure functions in src/core/age.ts (a unit test checks they agree).
 * `max: null` is open-ended. `bands` maps the coarse `case_victims.age_band` (entered when only a band is
 * known) to this scheme's band, or null when the coarse band straddles two of this scheme's bands.
 */
export interface AgeScheme {
  id: 'reta' | 'peru' | 'ctdc';
  bands: ReadonlyArray<{ code: string; min: number; max: number | null }>;
  fromCoarseBand: Readonly<Record<string, string | null>>;
}

export const ageSchemes: Record<AgeScheme['id'], AgeScheme> = {
  reta: {
    id: 'reta',
    bands: [
      { code: '0_13', min: 0, max: 13 },
      { code: '14_17', min: 14, max: 17 },
      { code: '18_30', min: 18, max: 30 },
      { code: '31_plus', min: 31, max: null },
    ],
    fromCoarseBand: { under_14: '0_13', '14_17': '14_17', under_18: null, '18_plus': null },
  },
  peru: {
    id: 'peru',
    bands: [
      { code: 'under_14', min: 0, max: 13 },
      { code: '14_17', min: 14, max: 17 },
      { code: '18_plus', min: 18, max: null },
    ],
    fromCoarseBand: { under_14: 'under_14', '14_17': '14_17', under_18: null, '18_plus': '18_plus' },
  },
  ctdc: {
    id: 'ctdc',
    bands: [
      { code: '0-8', min: 0, max: 8 },
      { code: '9-17', min: 9, max: 17 },
      { code: '18-20', min: 18, max: 20 },
      { code: '21-23', min: 21, max: 23 },
      { code: '24-26', min: 24, max: 26 },
      { code: '27-29', min: 27, max: 29 },
      { code: '30-38', min: 30, max: 38 },
      { code: '39-47', min: 39, max: 47 },
      { code: '48+', min: 48, max: null },
    ],
    fromCoarseBand: { under_14: null, '14_17': '9-17', under_18: null, '18_plus': null },
  },
};

/** The band of an age (or of a coarse band when the age is unknown) under a scheme; null = unknown. */
export function bandOf(scheme: AgeScheme, ageYears: number | null | undefined, coarseBand?: string | null): string | null {
  if (ageYears !== null && ageYears !== undefined && ageYears >= 0) {
    return scheme.bands.find((b) => ageYears >= b.min && (b.max === null || ageYears <= b.max))?.code ?? null;
  }
  return coarseBand ? (scheme.fromCoarseBand[coarseBand] ?? null) : null;
}

/** Sentence lengths in months, grouped for the distribution table. */
export const sentenceBands: ReadonlyArray<{ code: string; min: number; max: number | null }> = [
  { code: 'under_4y', min: 0, max: 47 },
  { code: '4y_to_under_8y', min: 48, max: 95 },
  { code: '8y_to_under_12y', min: 96, max: 143 },
  { code: '12y_to_under_15y', min: 144, max: 179 },
  { code: '15y_to_under_20y', min: 180, max: 239 },
  { code: '20y_to_under_25y', min: 240, max: 299 },
  { code: '25y_plus', min: 300, max: null },
];
