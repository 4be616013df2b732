/**
 * Which police unit an actionable hotline call goes to: the nearest one by UBIGEO.
 * Same district, else the same province (first 4 digits), else the same department (first 2), else a
 * national unit (one with no UBIGEO), else — when no national unit exists — any police unit at all, so
 * that an actionable tip is never left without a destination.
 * Within a level the unit whose seat covers the widest area is preferred (a provincial head office over
 * a district post elsewhere in the province), then the unit code, so the choice is deterministic.
 */
export type ReferralLevel = 'district' | 'province' | 'department' | 'national';

export interface CandidateUnit {
  id: string;
  code: string;
  institutionId: string;
  /** 2, 4 or 6 digits, or null for a unit with national reach. */
  ubigeo: string | null;
}

export interface NearestUnit<U extends CandidateUnit = CandidateUnit> {
  unit: U;
  level: ReferralLevel;
}

const levels: Array<{ level: Exclude<ReferralLevel, 'national'>; digits: number }> = [
  { level: 'district', digits: 6 },
  { level: 'province', digits: 4 },
  { level: 'department', digits: 2 },
];

function pickBest<U extends CandidateUnit>(units: U[]): U | undefined {
  return [...units].sort((a, b) => (a.ubigeo?.length ?? 0) - (b.ubigeo?.length ?? 0) || a.code.localeCompare(b.code))[0];
}

/** `place` is the call's UBIGEO, or null when the place is abroad or unknown. */
export function nearestUnit<U extends CandidateUnit>(place: string | null, candidates: readonly U[]): NearestUnit<U> | null {
  if (candidates.length === 0) return null;
  if (place) {
    for (const { level, digits } of levels) {
      if (place.length < digits) continue;
      const prefix = place.slice(0, digits);
      const matches = candidates.filter((u) => u.ubigeo !== null && u.ubigeo.length >= digits && u.ubigeo.startsWith(prefix));
      const best = pickBest(matches);
      if (best) return { unit: best, level };
    }
  }
  const national = pickBest(candidates.filter((u) => u.ubigeo === null));
  if (national) return { unit: national, level: 'national' };
  return { unit: pickBest([...candidates])!, level: 'national' };
}
