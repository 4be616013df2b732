/**
 * When a defendant's process stood closed, and which stage it had reached, on any day — what "pending at
 * year end" (src/core/stats/figure-indicators.ts) reads, kept in the defendant facts so the figure needs no
 * walk over the justice events per defendant and year.
 *
 * On a day d, the process is closed when a standing archive, plea agreement or decision dated on or before d
 * is not undone by a later step dated on or before d: a new investigation step after an archive, or an
 * appeal that annulled it. Otherwise it is pending. This only changes on the days events are dated, so the
 * closed days are a few ranges.
 */
import { chronological, type ChainEvent } from './chain';
import { stageOf, stageRank } from './events';
import { reopeningTypes } from './stage';

const closes = (e: ChainEvent) => e.type === 'archived' || e.type === 'plea_agreement' || (e.type === 'decision' && e.decision != null);
const undoes = (closing: ChainEvent, later: ChainEvent) =>
  (closing.type === 'archived' && reopeningTypes.has(later.type)) || (later.type === 'appeal_decided' && later.appealOutcome === 'annulled');
const after = (a: ChainEvent, b: ChainEvent) => a.occurredOn > b.occurredOn || (a.occurredOn === b.occurredOn && a.recordedAt > b.recordedAt);

/** Closed on day `day`, by the standing events given. */
export function closedOn(standing: readonly ChainEvent[], day: string): boolean {
  const known = standing.filter((e) => e.occurredOn <= day);
  return known.some((e) => closes(e) && !known.some((r) => after(r, e) && undoes(e, r)));
}

/** The days the process stood closed, as ranges [from, until) — `until` null: closed still. Standing events only. */
export function closedPeriods(standing: readonly ChainEvent[]): Array<{ from: string; until: string | null }> {
  const days = [...new Set(standing.map((e) => e.occurredOn))].sort();
  const periods: Array<{ from: string; until: string | null }> = [];
  for (const day of days) {
    const closed = closedOn(standing, day);
    const open = periods.at(-1);
    if (closed && (!open || open.until !== null)) periods.push({ from: day, until: null });
    else if (!closed && open && open.until === null) open.until = day;
  }
  return periods;
}

/** The ranges as a PostgreSQL datemultirange literal (`{}` when never closed). */
export const multirangeLiteral = (periods: ReadonlyArray<{ from: string; until: string | null }>) =>
  `{${periods.map((p) => `[${p.from},${p.until ?? ''})`).join(',')}}`;

/** The first day each stage of the main path was reached by a standing event (the stage on a day is the furthest reached by then). */
export function stageReachedOn(standing: readonly ChainEvent[]): Record<'police' | 'prosecution' | 'court' | 'execution', string | null> {
  const first = { police: null, prosecution: null, court: null, execution: null } as Record<'police' | 'prosecution' | 'court' | 'execution', string | null>;
  for (const e of chronological(standing)) {
    const stage = stageOf(e.type);
    if (stageRank[stage] > 0 && stage !== 'international' && first[stage] === null) first[stage] = e.occurredOn;
  }
  return first;
}
