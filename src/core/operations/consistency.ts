/**
 * What an operation found must add up: minors and identified victims are among the persons found.
 * Returns field → error code for every inconsistency (empty when consistent). Arrests are not bounded by
 * persons found: suspects arrested need not be among the people the operation found at the place.
 */
export interface OperationCounts {
  personsFound: number;
  minorsFound: number;
  victimsIdentified: number;
  arrests: number;
}

export function operationCountProblems(counts: OperationCounts): Record<string, string> {
  const problems: Record<string, string> = {};
  if (counts.minorsFound > counts.personsFound) problems.minorsFound = 'operation.minors_exceed_persons';
  if (counts.victimsIdentified > counts.personsFound) problems.victimsIdentified = 'operation.victims_exceed_persons';
  return problems;
}
