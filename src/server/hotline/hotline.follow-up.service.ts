import { eq, sql } from 'drizzle-orm';
import type { FollowUpQuery, MonthlyStatsView } from '../../contracts/hotline';
import { isNewSince, seenAtOf } from '../inbox/inbox.repository';
import { type CallStatus } from '../../core/hotline/call-status';
import type { Tx } from '../../db/connect';
import { caseEvents, cases, hotlineCalls } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import { loadCaseForCallLink, mayFollowUpCall } from '../policy';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, conflict, ruleRefused } from '../errors/app-error';
import { updateVersioned } from '../versioned-update';
import { presentCall } from './hotline.presenter';
import { monthlyCallStats } from './hotline.monthly';
import { findCallWithRefs, findVisibleCall, listFollowUp, type CallWithRefs } from './hotline.repository';

/**
 * Following an actionable call to its outcome: the police unit it was referred to links the case it
 * opened, records arrests, or closes it with a reason. The hotline that took the call may do the same
 * (it learns the outcome either way: that is the point of the follow-up).
 */
export function createHotlineFollowUpService(deps: Deps) {
  const { db } = deps;

  async function loadForFollowUp(tx: Tx, ctx: Ctx, id: string) {
    const call = await findVisibleCall(tx, ctx.actor, id);
    if (!mayFollowUpCall(ctx.actor, call)) throw new AppError('hotline.follow_up_forbidden', 403);
    if (!call.referredUnitId) throw ruleRefused('hotline.not_referred');
    return call;
  }

  /** Links the case the tip led to (src/server/policy `callLinkableCaseCondition`), by id or code; the case's history records it. */
  async function linkCase(ctx: Ctx, id: string, ref: { caseId?: string; caseCode?: string }, version: number) {
    return db.transaction(async (tx) => {
      const call = await loadForFollowUp(tx, ctx, id);
      const { id: caseId } = await loadCaseForCallLink(tx, ctx, call, ref);
      if (call.linkedCaseId && call.linkedCaseId !== caseId) throw conflict('hotline.case_already_linked');
      const now = new Date();
      await updateVersioned(tx, hotlineCalls, 'hotline_call', id, version, {
        linkedCaseId: caseId,
        linkedAt: call.linkedAt ?? now,
        outcomeAt: call.outcomeAt ?? now,
        status: statusWithOutcome(call),
      });
      if (!call.linkedCaseId) {
        await tx.insert(caseEvents).values({ caseId, type: 'hotline_link', actorId: ctx.actor.userId, unitId: ctx.actor.unitId, details: { callId: id } });
        await tx.update(cases).set({ lastActivityAt: sql`now()` }).where(eq(cases.id, caseId));
      }
      await writeAudit(tx, ctx, { action: 'hotline_call.case_link', entityType: 'hotline_call', entityId: id, details: { caseId } });
      return presentCall(await findCallWithRefs(tx, id));
    });
  }

  /** Arrests made on the tip, and/or closure with a reason. */
  async function recordOutcome(ctx: Ctx, id: string, input: { arrests?: number; closedReason?: string; version: number }) {
    return db.transaction(async (tx) => {
      const call = await loadForFollowUp(tx, ctx, id);
      const now = new Date();
      const closing = input.closedReason !== undefined;
      await updateVersioned(tx, hotlineCalls, 'hotline_call', id, input.version, {
        ...(input.arrests !== undefined ? { arrests: input.arrests } : {}),
        ...(closing ? { closedReason: input.closedReason, closedAt: now } : {}),
        outcomeAt: call.outcomeAt ?? now,
        status: closing ? 'closed' : statusWithOutcome(call),
      });
      await writeAudit(tx, ctx, { action: 'hotline_call.outcome', entityType: 'hotline_call', entityId: id, details: { arrests: input.arrests, closedReason: input.closedReason } });
      return presentCall(await findCallWithRefs(tx, id));
    });
  }

  /**
   * Calls awaiting an outcome: referred to the actor's unit, or (the hotline's operators) referred by the
   * hotline. Newest referral first; those referred since the user last looked are new.
   */
  async function followUp(ctx: Ctx, query: FollowUpQuery) {
    const seenAt = await seenAtOf(db, ctx.actor, 'hotline');
    const { rows, total, unseen } = await listFollowUp(db, ctx.actor, query, seenAt);
    const items = rows.map((r) => {
      const call = presentCall(r);
      return { ...call, caseCode: call.linkedCase?.code ?? null, isNew: isNewSince(seenAt, call.referral?.at ?? call.createdAt) };
    });
    return { items, total, unseen, seenAt: seenAt?.toISOString() ?? null, page: query.page, pageSize: query.pageSize };
  }

  /** Calls per month by classification and outcome, within the actor's scope: the statistics engine computes them. */
  const monthlyStats = (ctx: Ctx, year: number): Promise<MonthlyStatsView> => monthlyCallStats(deps, ctx, year);

  return { linkCase, recordOutcome, followUp, monthlyStats };
}

const statusWithOutcome = (call: CallWithRefs): CallStatus => (call.status === 'closed' ? 'closed' : 'followed_up');

export type HotlineFollowUpService = ReturnType<typeof createHotlineFollowUpService>;
