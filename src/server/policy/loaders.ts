import { and, eq, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { cases, caseVictims } from '../../db/schema';
import type { Ctx } from '../context';
import { AppError, notFound } from '../errors/app-error';
import { callLinkableCaseCondition } from './hotline';
import { mayAddPartiesCondition, participatingCaseCondition, visibleCasesCondition, visibleVictimCondition, writableVictimCondition } from './cases';

/** Loads a case the actor may see, or answers 404 — never revealing that an out-of-scope case exists. */
export async function loadVisibleCase(tx: Tx, ctx: Ctx, caseId: string) {
  const [row] = await tx.select().from(cases).where(and(eq(cases.id, caseId), visibleCasesCondition(ctx.actor))).limit(1);
  if (!row) throw notFound('case');
  return row;
}

/**
 * The case a hotline call led to, by id or by code: a case the actor's institution takes part in, or — for
 * the hotline that referred the call — a case held by the unit it referred the call to. 404 otherwise,
 * the same answer whether the case does not exist or is elsewhere.
 */
export async function loadCaseForCallLink(tx: Tx, ctx: Ctx, call: { referredUnitId: string | null; institutionId: string }, ref: { caseId?: string; caseCode?: string }) {
  const which = ref.caseId ? eq(cases.id, ref.caseId) : eq(cases.code, (ref.caseCode ?? '').trim().toUpperCase());
  const [row] = await tx.select().from(cases).where(and(which, callLinkableCaseCondition(ctx.actor, call))).limit(1);
  if (!row) throw notFound('case');
  return row;
}

/** A case the actor's institution takes part in (to link its own records to it); 404 otherwise. */
export async function loadParticipatingCase(tx: Tx, ctx: Ctx, caseId: string) {
  const [row] = await tx.select().from(cases).where(and(eq(cases.id, caseId), participatingCaseCondition(ctx.actor))).limit(1);
  if (!row) throw notFound('case');
  return row;
}

/**
 * A case the actor may add victims and suspects to (level `mayAddParties`); a visible case the actor may not
 * add to answers 403 `case.not_owner`, an invisible one 404.
 */
export async function loadCaseForParties(tx: Tx, ctx: Ctx, caseId: string) {
  const [row] = await tx.select().from(cases).where(and(eq(cases.id, caseId), mayAddPartiesCondition(ctx.actor))).limit(1);
  if (row) return row;
  await loadVisibleCase(tx, ctx, caseId);
  throw new AppError('case.not_owner', 403);
}

/** Whether the actor may add parties to this (visible) case: for the reader to offer it. */
export async function mayAddPartiesTo(tx: Tx, ctx: Ctx, caseId: string): Promise<boolean> {
  const rows = await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.id, caseId), mayAddPartiesCondition(ctx.actor))).limit(1);
  return rows.length > 0;
}

export type VisibleVictim = { victim: typeof caseVictims.$inferSelect; case: typeof cases.$inferSelect };

export const victimNotFound = () => new AppError('protection.victim_not_found', 404);

async function loadVictim(tx: Tx, victimId: string, condition: SQL, forUpdate: boolean): Promise<VisibleVictim | undefined> {
  const query = tx.select({ victim: caseVictims, case: cases }).from(caseVictims).innerJoin(cases, eq(cases.id, caseVictims.caseId)).where(and(eq(caseVictims.id, victimId), condition)).limit(1);
  const [row] = forUpdate ? await query.for('update', { of: caseVictims }) : await query;
  return row;
}

/** Loads a victim (case_victims id) the actor may read, or answers 404 without revealing it exists. */
export async function loadVisibleVictim(tx: Tx, ctx: Ctx, victimId: string, options: { forUpdate?: boolean } = {}): Promise<VisibleVictim> {
  const row = await loadVictim(tx, victimId, visibleVictimCondition(ctx.actor), options.forUpdate ?? false);
  if (!row) throw victimNotFound();
  return row;
}

/**
 * Loads a victim whose protection records the actor may write (owner, full grant, or the referral of
 * this victim). A victim the actor only reads analyst-wide answers 403 (it exists for the actor, read-only);
 * one the actor cannot see at all answers 404.
 */
export async function loadWritableVictim(tx: Tx, ctx: Ctx, victimId: string, options: { forUpdate?: boolean } = {}): Promise<VisibleVictim> {
  const row = await loadVictim(tx, victimId, writableVictimCondition(ctx.actor), options.forUpdate ?? false);
  if (row) return row;
  await loadVisibleVictim(tx, ctx, victimId);
  throw new AppError('protection.victim_read_only', 403);
}
