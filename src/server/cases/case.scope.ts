import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { caseAccess, cases } from '../../db/schema';
import { isSystemActor, type Actor, type Ctx } from '../context';
import { notFound } from '../errors/app-error';

/**
 * Which cases an actor may see — the one place row scope for cases is decided:
 * - the owning institution, within the actor's geography (national, or the case's department);
 * - an institution the case was sent to along the workflow (case_access), whatever the geography;
 * - roles with `case.read.all_institutions` (analysts): every institution, within their geography.
 * Out-of-scope cases behave as if they did not exist (404).
 */
export function visibleCasesCondition(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  const inGeography = actor.scope.national
    ? sql`true`
    : actor.scope.departments.length
      ? inArray(cases.departmentCode, actor.scope.departments)
      : sql`false`;
  const owned = actor.permissions.has('case.read.all_institutions')
    ? inGeography
    : and(eq(cases.institutionId, actor.institutionId), inGeography)!;
  // Raw SQL, not drizzle's exists(): exists() of a sql fragment renders without the parentheses Postgres needs.
  const granted = sql`exists (select 1 from ${caseAccess} where ${caseAccess.caseId} = ${cases.id} and ${caseAccess.institutionId} = ${actor.institutionId})`;
  return or(owned, granted)!;
}

/** True when the actor's institution owns the case (and so may edit what the owner edits). */
export const ownsCase = (actor: Actor, row: { institutionId: string }) => isSystemActor(actor) || row.institutionId === actor.institutionId;

/** Loads a case the actor may see, or answers 404 — never revealing that an out-of-scope case exists. */
export async function loadVisibleCase(tx: Tx, ctx: Ctx, caseId: string) {
  const [row] = await tx.select().from(cases).where(and(eq(cases.id, caseId), visibleCasesCondition(ctx.actor))).limit(1);
  if (!row) throw notFound('case');
  return row;
}

/**
 * Grants another institution access to a case along the workflow (police report → prosecutor office,
 * charges → court, referral → provider). Idempotent per (case, institution, basis). `victimIds` limits a
 * referral grant to the referred victims.
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
