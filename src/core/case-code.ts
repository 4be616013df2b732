/** Case codes: `RETA-<year of registration>-<6-digit sequence of that year>`, e.g. RETA-2026-000123. */
export const CASE_CODE_PREFIX = 'RETA';
export const CASE_CODE_PATTERN = /^RETA-(\d{4})-(\d{6,})$/;

export function formatCaseCode(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('case sequence must be a positive integer');
  return `${CASE_CODE_PREFIX}-${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseCaseCode(code: string): { year: number; sequence: number } | null {
  const match = CASE_CODE_PATTERN.exec(code.trim().toUpperCase());
  return match ? { year: Number(match[1]), sequence: Number(match[2]) } : null;
}
