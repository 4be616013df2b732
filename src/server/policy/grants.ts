import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { caseAccess } from '../../db/schema';

/** The institution holds a full workflow grant on the case (not limited to referred victims). */
export async function holdsFullGrant(tx: Tx, caseId: string, institutionId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: caseAccess.id })
    .from(caseAccess)
    .where(and(eq(caseAccess.caseId, caseId), eq(caseAccess.institutionId, institutionId), isNull(caseAccess.victimIds)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Grants another institution access to a case along the workflow (police report → prosecutor office,
 * charges → court, referral → provider). Idempotent per (case, institution, basis). `victimIds` limits a
 * referral grant to the referred victims; the grant decides the access levels in ./cases.ts.
 */
export async function grantCaseAccess(
  tx: Tx,
  input: { caseId: string; institutionId: string; unitId?: string | null; basis: string; victimIds?: string[] | null; grantedBy: string | null },
): Promise<void> {
  const [existing] = await tx
    .select()
    .from(caseAccess)
    .where(and(eq(caseAccess.caseId, input.caseId), eq(caseAccess.institutionId, input.institutionId), eq(caseAccess.basis, input.basis)))
    .limit(1);
  if (existing) {
    if (existing.victimIds && input.victimIds) {
      const merged = [...new Set([...existing.victimIds, ...input.victimIds])];
      await tx.update(caseAccess).set({ victimIds: merged }).where(eq(caseAccess.id, existing.id));
    } else if (existing.victimIds && !input.victimIds) {
      await tx.update(caseAccess).set({ victimIds: null }).where(eq(caseAccess.id, existing.id));
    }
    return;
  }
  await tx.insert(caseAccess).values({
    caseId: input.caseId,
    institutionId: input.institutionId,
    unitId: input.unitId ?? null,
    basis: input.basis,
    victimIds: input.victimIds ?? null,
    grantedBy: input.grantedBy,
  });
}
