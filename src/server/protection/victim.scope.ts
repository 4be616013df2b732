import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { caseAccess, cases, caseVictims } from '../../db/schema';
import { visibleCasesCondition } from '../cases/case.scope';
import { isSystemActor, type Actor, type Ctx } from '../context';
import { AppError } from '../errors/app-error';

/**
 * Victim-level scope on top of the case scope. A referral grants an institution only the referred
 * victims (case_access.victim_ids), so a shelter sees the victims sent to it and nobody else of the case.
 * Conditions refer to `cases` and `case_victims` / `case_suspects` of the enclosing query.
 */
function inGeography(actor: Actor): SQL {
  if (actor.scope.national) return sql`true`;
  return actor.scope.departments.length ? inArray(cases.departmentCode, actor.scope.departments) : sql`false`;
}

/** The whole case is open to the actor: owner, analyst-wide reading, or a grant not limited to victims. */
export function wholeCaseCondition(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  const ownedOrWide = actor.permissions.has('case.read.all_institutions') ? inGeography(actor) : and(eq(cases.institutionId, actor.institutionId), inGeography(actor))!;
  const fullGrant = sql`exists (select 1 from ${caseAccess} where ${caseAccess.caseId} = ${cases.id} and ${caseAccess.institutionId} = ${actor.institutionId} and ${caseAccess.victimIds} is null)`;
  return and(visibleCasesCondition(actor), or(ownedOrWide, fullGrant))!;
}

/** The victim row (case_victims in the enclosing query) is open to the actor. */
export function visibleVictimCondition(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  const referred = sql`exists (select 1 from ${caseAccess} where ${caseAccess.caseId} = ${cases.id} and ${caseAccess.institutionId} = ${actor.institutionId} and ${caseVictims.id} = any(${caseAccess.victimIds}))`;
  return or(wholeCaseCondition(actor), and(visibleCasesCondition(actor), referred))!;
}

export type VisibleVictim = { victim: typeof caseVictims.$inferSelect; case: typeof cases.$inferSelect };

export const victimNotFound = () => new AppError('protection.victim_not_found', 404);

/** Loads a victim (case_victims id) the actor may see, or answers 404 without revealing it exists. */
export async function loadVisibleVictim(tx: Tx, ctx: Ctx, victimId: string, options: { forUpdate?: boolean } = {}): Promise<VisibleVictim> {
  const query = tx
    .select({ victim: caseVictims, case: cases })
    .from(caseVictims)
    .innerJoin(cases, eq(cases.id, caseVictims.caseId))
    .where(and(eq(caseVictims.id, victimId), visibleVictimCondition(ctx.actor)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update', { of: caseVictims }) : await query;
  if (!row) throw victimNotFound();
  return row;
}
