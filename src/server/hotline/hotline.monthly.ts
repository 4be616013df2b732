/**
 * Calls per month by classification and outcome, and arrests: computed by the statistics engine (the
 * `hotline_calls` and `hotline_arrests` indicators, one outcome definition in src/core/hotline), under
 * the hotline's own visibility rule (the hotline, analysts, and the referred police unit) rather than the
 * statistics scope, so the figures the hotline sees are the calls it sees.
 */
import type { MonthlyStatsView } from '../../contracts/hotline';
import { hotlineClassifications } from '../../core/codes';
import { callOutcomes } from '../../core/hotline/call-status';
import { indicatorById } from '../../core/stats/indicators';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { visibleCallsCondition } from '../policy';
import { runAggregate } from '../stats/stats.query';

export async function monthlyCallStats(deps: Deps, ctx: Ctx, year: number): Promise<MonthlyStatsView> {
  const request = { from: `${year}-01-01`, to: `${year}-12-31`, scope: visibleCallsCondition(ctx.actor), cellsOnly: true };
  const calls = indicatorById('hotline_calls')!;
  const [byClassification, byOutcome, arrests] = await Promise.all([
    runAggregate(deps, calls, { ...request, by: ['month', 'hotlineClassification'] }, ctx.actor),
    runAggregate(deps, calls, { ...request, by: ['month', 'hotlineOutcome'] }, ctx.actor),
    runAggregate(deps, indicatorById('hotline_arrests')!, { ...request, by: ['month'] }, ctx.actor),
  ]);
  const zeros = <T extends readonly string[]>(codes: T) => Object.fromEntries(codes.map((c) => [c, 0])) as Record<T[number], number>;
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, total: 0, byClassification: zeros(hotlineClassifications), byOutcome: zeros(callOutcomes), arrests: 0 }));
  const monthOf = (key: string | null) => months[Number(key!.slice(5, 7)) - 1]!;
  for (const r of byClassification) {
    const month = monthOf(r.d1);
    month.total += r.value ?? 0;
    month.byClassification[r.d2 as keyof typeof month.byClassification] += r.value ?? 0;
  }
  for (const r of byOutcome) {
    const month = monthOf(r.d1);
    month.byOutcome[r.d2 as keyof typeof month.byOutcome] += r.value ?? 0;
  }
  for (const r of arrests) monthOf(r.d1).arrests += r.value ?? 0;
  return { year, months };
}
