/**
 * The SQL of a call's outcome and counted arrests, generated from the one definition in
 * src/core/hotline/call-status.ts (callOutcomeRules, callArrests). Used by the statistics engine's
 * `hotline_call` source, which also serves /api/v1/hotline/stats/monthly.
 */
import { ACTIONABLE_CLASSIFICATION, callOutcomeRules, type CallOutcomeTest } from '../../core/hotline/call-status';

/** Column expressions of a call row `t` (static SQL text). */
/** The standing `arrest` events of the call's linked case (not superseded by a correction). */
export const linkedCaseArrestsSql = (t: string) => `coalesce((select count(*)::int from justice_events je where je.case_id = ${t}.linked_case_id
    and je.type = 'arrest' and not exists (select 1 from justice_events sx where sx.supersedes_event_id = je.id)), 0)`;

/** callArrests: the larger of the call's own arrests and its linked case's. */
export const callArrestsSql = (t: string) => `greatest(coalesce(${t}.arrests, 0), ${linkedCaseArrestsSql(t)})`;

export function callOutcomeSql(t: string): string {
  const test: Record<CallOutcomeTest, string> = {
    not_actionable: `${t}.classification <> '${ACTIONABLE_CLASSIFICATION}'`,
    has_arrests: `${callArrestsSql(t)} > 0`,
    has_linked_case: `${t}.linked_case_id is not null`,
    is_closed: `${t}.closed_at is not null`,
    always: 'true',
  };
  return `(case ${callOutcomeRules.map((r) => `when ${test[r.when]} then '${r.outcome}'`).join(' ')} end)`;
}
