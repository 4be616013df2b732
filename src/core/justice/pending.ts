/**
 * Whether a defendant's process was pending, and which stage it had reached, at each year end — what
 * "pending at year end" (src/core/stats/figure-indicators.ts) reads, kept in the defendant facts (and counted
 * in cubes) so the figure needs no walk over the justice events per defendant and year.
 *
 * On a day d, the process is closed when a standing archive, plea agreement or decision dated on or before d
 * is not undone by a later step dated on or before d: a new investigation step after an archive, or an
 * appeal that annulled it. Otherwise it is pending. This only changes on the days events are dated.
 */
import { chronological, type ChainEvent } from './chain';
import { stageOf } from './events';
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

/**
 * The year ends a defendant counts as pending at, from the year of the complaint: `years`, those before the
 * year of its last standing event (each as of 31 December); `from`, the first year of an open run (null when
 * the process ends closed). From the year of the last event on nothing changes any more — no event is dated
 * after today (src/core/justice/sequence.ts) — so every later year end, the current year's as of today,
 * reads the final state: pending there is "from that year on", which the facts store without knowing the date.
 */
export function pendingYearEnds(standing: readonly ChainEvent[], reportedOn: string): { years: number[]; from: number | null } {
  const first = Number(reportedOn.slice(0, 4));
  const last = standing.reduce<string | null>((max, e) => (max === null || e.occurredOn > max ? e.occurredOn : max), null);
  if (last === null) return { years: [], from: first };
  const settled = Number(last.slice(0, 4));
  const years: number[] = [];
  for (let y = first; y < settled; y++) if (!closedOn(standing, `${y}-12-31`)) years.push(y);
  return { years, from: closedOn(standing, last) ? null : Math.max(first, settled) };
}

/** The first day each stage of the main path (international steps are not on it) was reached by a standing event. */
export function stageReachedOn(standing: readonly ChainEvent[]): Record<'police' | 'prosecution' | 'court' | 'execution', string | null> {
  const first = { police: null, prosecution: null, court: null, execution: null } as Record<'police' | 'prosecution' | 'court' | 'execution', string | null>;
  for (const e of chronological(standing)) {
    const stage = stageOf(e.type);
    if (stage !== 'international' && first[stage] === null) first[stage] = e.occurredOn;
  }
  return first;
}
