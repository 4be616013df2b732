import type { ChargedArticle } from '../legal/sentencing';
import type { AppealOutcome, Decision, JusticeEventType } from './events';

/** One event as the pure rules see it: already resolved articles, no storage details. */
export interface ChainEvent {
  id: string;
  type: JusticeEventType;
  occurredOn: string;
  /** Tie-breaker for events of the same day: the order they were recorded in (ISO timestamp or counter). */
  recordedAt: string;
  decision?: Decision | null;
  appealOutcome?: AppealOutcome | null;
  sentenceMonths?: number | null;
  sentenceEffective?: boolean | null;
  supersedesEventId?: string | null;
  /** Articles investigated, charged or convicted under. */
  charges?: ChargedArticle[];
  fromArticles?: ChargedArticle[];
  toArticles?: ChargedArticle[];
}

/** The events that still stand: those no later correction supersedes. */
export function activeEvents<T extends Pick<ChainEvent, 'id' | 'supersedesEventId'>>(events: readonly T[]): T[] {
  const superseded = new Set(events.map((e) => e.supersedesEventId).filter((id): id is string => !!id));
  return events.filter((e) => !superseded.has(e.id));
}

/** Date order; the same day keeps the order of recording. */
export function chronological<T extends Pick<ChainEvent, 'occurredOn' | 'recordedAt'>>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.recordedAt.localeCompare(b.recordedAt));
}
