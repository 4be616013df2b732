import { ageAtFacts, ageGroupOf, isChild, type VictimAge } from '../age';

/**
 * Whom a shelter takes in (its `targetPopulation`) against the person admitted. Children are never placed
 * with adults without somebody deciding so on purpose (a 15-year-old was once admitted to a women's
 * shelter without a word): a mismatch is a warning the person admitting must confirm, and the confirmation
 * is kept in the audit log.
 */
export type PlacementWarning = 'child_in_adult_shelter' | 'adult_in_child_shelter' | 'sex_mismatch';

type Intake = { children: boolean; adults: boolean; sex?: 'female' | 'male' };
const intake: Record<string, Intake> = {
  women: { children: false, adults: true, sex: 'female' },
  men: { children: false, adults: true, sex: 'male' },
  girls: { children: true, adults: false, sex: 'female' },
  boys: { children: true, adults: false, sex: 'male' },
  children: { children: true, adults: false },
  adolescents: { children: true, adults: false },
  mixed: { children: true, adults: true },
};

/**
 * The age group on the day of admission: the age at the facts grown by the years since, counted at the
 * least the person can be (a birthday may not have come yet: 17 in November, still 17 in January), so that a
 * person who may still be a child is treated as one (domain.md rule 2) — a girl of 16 at the facts three
 * years ago is admitted as an adult; an unknown age stays a presumed child.
 */
export function ageGroupOnAdmission(victim: VictimAge, admissionYear: number) {
  const age = ageAtFacts(victim);
  if (age.years === null || !victim.factsYear || admissionYear <= victim.factsYear) return ageGroupOf(victim);
  const least = age.years + (admissionYear - victim.factsYear) - 1;
  return ageGroupOf({ ...victim, ageYears: least, ageEstimated: age.estimated, birthYear: null });
}

/** The warnings of placing this person in a shelter for `population` (none when it fits). */
export function placementWarnings(population: string, person: { sex: string | null | undefined; child: boolean }): PlacementWarning[] {
  const shelter = intake[population];
  if (!shelter) return [];
  const warnings: PlacementWarning[] = [];
  if (person.child && !shelter.children) warnings.push('child_in_adult_shelter');
  if (!person.child && !shelter.adults) warnings.push('adult_in_child_shelter');
  if (shelter.sex && (person.sex === 'female' || person.sex === 'male') && person.sex !== shelter.sex) warnings.push('sex_mismatch');
  return warnings;
}

/** The warnings for a victim admitted in `admissionYear`. */
export function victimPlacementWarnings(population: string, victim: VictimAge & { sex: string | null | undefined }, admissionYear: number) {
  return placementWarnings(population, { sex: victim.sex, child: isChild(ageGroupOnAdmission(victim, admissionYear)) });
}
