import { activeEvents, chronological, type ChainEvent } from './chain';
import { applyEvent, initialState, type DefendantState } from './stage';

export interface SequenceViolation {
  code: string;
  eventId: string;
}

/** What must already have happened before an event of each type (rules of an orderly process). */
function preconditionFails(state: DefendantState, seen: Set<string>, event: ChainEvent): string | null {
  switch (event.type) {
    case 'release_from_custody':
      return state.inCustody ? null : 'justice.release_without_custody';
    case 'sentence':
      return state.outcome === 'convicted' ? null : 'justice.sentence_without_conviction';
    case 'appeal_filed':
      return seen.has('decision') || seen.has('plea_agreement') ? null : 'justice.appeal_without_decision';
    case 'appeal_decided':
      return state.pendingAppeals > 0 ? null : 'justice.appeal_decided_without_appeal';
    case 'final':
      return seen.has('decision') || seen.has('plea_agreement') ? null : 'justice.final_without_decision';
    case 'imprisonment_started':
      return state.sentence?.effective && state.outcome === 'convicted' ? null : 'justice.imprisonment_without_sentence';
    case 'released':
      return state.outcome === 'imprisoned' ? null : 'justice.release_without_imprisonment';
    default:
      return null;
  }
}

/**
 * Checks a defendant's whole chain (the events that stand, in date order): each event's date against
 * the facts and today, and what must precede it. Returns the first violation, or null.
 */
export function validateChain(
  events: readonly ChainEvent[],
  context: { factsStart: string | null; today: string; /** Check dates of this event only (facts dates may have been edited since the others). */ datesOf?: string },
): SequenceViolation | null {
  let state = initialState();
  const seen = new Set<string>();
  for (const event of chronological(activeEvents(events))) {
    const checkDates = !context.datesOf || context.datesOf === event.id;
    if (checkDates && event.occurredOn > context.today) return { code: 'justice.event_in_future', eventId: event.id };
    if (checkDates && context.factsStart && event.occurredOn < context.factsStart) return { code: 'justice.event_before_facts', eventId: event.id };
    const code = preconditionFails(state, seen, event);
    if (code) return { code, eventId: event.id };
    state = applyEvent(state, event);
    seen.add(event.type);
  }
  return null;
}
