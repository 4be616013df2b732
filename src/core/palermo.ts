import { isChild, type AgeGroup } from './age';

export type PalermoElement = 'act' | 'means' | 'purpose';

export interface PalermoInput {
  acts: readonly string[];
  /** Means recorded on the case; means recorded on individual victims count as well. */
  means: readonly string[];
  purposes: readonly string[];
  victims: ReadonlyArray<{ ageGroup: AgeGroup; means?: readonly string[] }>;
}

export interface PalermoResult {
  isTrafficking: boolean;
  hasAct: boolean;
  hasMeans: boolean;
  hasPurpose: boolean;
  hasChildVictim: boolean;
  missing: PalermoElement[];
}

/**
 * Palermo Protocol art. 3 (domain.md rule 1): act ∧ purpose ∧ (means ∨ a victim under 18). A presumed
 * child counts as a child. Shown on the case, never blocking registration. Consent is irrelevant and
 * therefore not an input.
 */
export function evaluatePalermo(input: PalermoInput): PalermoResult {
  const hasAct = input.acts.length > 0;
  const hasPurpose = input.purposes.length > 0;
  const hasMeans = input.means.length > 0 || input.victims.some((v) => (v.means?.length ?? 0) > 0);
  const hasChildVictim = input.victims.some((v) => isChild(v.ageGroup));
  const missing: PalermoElement[] = [];
  if (!hasAct) missing.push('act');
  if (!hasMeans && !hasChildVictim) missing.push('means');
  if (!hasPurpose) missing.push('purpose');
  return { isTrafficking: missing.length === 0, hasAct, hasMeans, hasPurpose, hasChildVictim, missing };
}
