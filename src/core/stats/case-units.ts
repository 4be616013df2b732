import type { CountingUnit } from './indicators';

/**
 * Counting units whose records belong to a case: their figures can be broken down to the cases behind
 * them (GET /api/v1/stats/cases). Calls, operations and prevention activities are not case records.
 */
export const caseBasedUnits = ['case', 'victim', 'suspect', 'defendant', 'sentence', 'referral_victim', 'service_victim', 'shelter_stay'] as const satisfies readonly CountingUnit[];
export type CaseBasedUnit = (typeof caseBasedUnits)[number];
export const isCaseBased = (unit: string): unit is CaseBasedUnit => (caseBasedUnits as readonly string[]).includes(unit);
