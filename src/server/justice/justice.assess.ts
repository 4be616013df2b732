import { asc, inArray } from 'drizzle-orm';
import { assessDefendant } from '../../core/justice/flags';
import { isConvictedOutcome } from '../../core/justice/stage';
import { checkAggravation } from '../../core/legal/aggravation';
import { factsForSuspect, loadAggravatingFacts } from './aggravation.facts';
import type { Tx } from '../../db/connect';
import { caseSuspects, justiceEvents } from '../../db/schema';
import { loadFramework } from '../legal/legal.repository';
import { toChainEvents, withArticles } from './justice.repository';

/**
 * The derived justice state of every defendant of the given cases, for statistics and reports.
 * Not scoped by actor (the caller decides which cases a statistic covers): hence `system`.
 */
export async function systemAssessDefendants(tx: Tx, caseIds: readonly string[]) {
  if (!caseIds.length) return [];
  const suspects = await tx.select().from(caseSuspects).where(inArray(caseSuspects.caseId, [...caseIds]));
  const rows = await tx
    .select()
    .from(justiceEvents)
    .where(inArray(justiceEvents.caseId, [...caseIds]))
    .orderBy(asc(justiceEvents.occurredOn), asc(justiceEvents.recordedAt));
  const events = await withArticles(tx, rows);
  const framework = await loadFramework(tx);
  const facts = await loadAggravatingFacts(tx, caseIds);
  const bySuspect = new Map<string, typeof events>();
  for (const e of events) bySuspect.set(e.suspectId, [...(bySuspect.get(e.suspectId) ?? []), e]);
  return suspects.map((s) => {
    const own = bySuspect.get(s.id) ?? [];
    const { state, flags } = assessDefendant(toChainEvents(own, framework));
    const aggravation = checkAggravation(framework, factsForSuspect(facts.get(s.caseId), s), {
      charged: state.chargedArticles, convicted: isConvictedOutcome(state.outcome) ? state.convictionArticles : null,
    });
    return {
      caseId: s.caseId,
      suspectId: s.id,
      personId: s.personId,
      publicOfficial: s.isPublicOfficial,
      /** Types of the events that stand (superseded ones excluded), for "ever arrested / charged" counts. */
      eventTypes: [...new Set(own.filter((e) => !own.some((o) => o.supersedesEventId === e.id)).map((e) => e.type))],
      state,
      flags,
      aggravation,
    };
  });
}
