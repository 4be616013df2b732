import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { cases, institutions, units } from '../../db/schema';
import { invalid } from '../errors/app-error';

/** Today's date (UTC); Peru is behind UTC, so a local "today" is never after it. */
export const today = () => new Date().toISOString().slice(0, 10);

/** Field checks shared by the protection services: dates not in the future, ranges not reversed. */
export function assertDates(checks: Array<{ field: string; value: string | null | undefined; notBefore?: { field: string; value: string | null | undefined } }>) {
  const fields: Record<string, string> = {};
  const now = today();
  for (const check of checks) {
    if (!check.value) continue;
    if (check.value > now) fields[check.field] = 'date_in_future';
    else if (check.notBefore?.value && check.value < check.notBefore.value) fields[check.field] = 'date_range_reversed';
  }
  if (Object.keys(fields).length) throw invalid(fields);
}

export async function loadInstitution(tx: Tx, id: string, field: string) {
  const [row] = await tx.select().from(institutions).where(eq(institutions.id, id)).limit(1);
  if (!row) throw invalid({ [field]: 'institution.not_found' });
  return row;
}

/** A unit given by the client must exist and belong to the institution named alongside it. */
export async function assertUnitOf(tx: Tx, unitId: string | null | undefined, institutionId: string, field: string) {
  if (!unitId) return null;
  const [row] = await tx.select().from(units).where(eq(units.id, unitId)).limit(1);
  if (!row) throw invalid({ [field]: 'unit.not_found' });
  if (row.institutionId !== institutionId) throw invalid({ [field]: 'unit.wrong_institution' });
  return row;
}

/** Protection work is activity on the case: it keeps the case from being reported as stale. */
export async function touchCase(tx: Tx, caseId: string) {
  await tx.update(cases).set({ lastActivityAt: new Date() }).where(eq(cases.id, caseId));
}
