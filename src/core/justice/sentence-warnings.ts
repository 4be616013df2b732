import type { GoverningRange } from '../legal/sentencing';
import type { ChainEvent } from './chain';
import { assessDefendant } from './flags';

/** What a court clerk is warned of before a sentence is saved (domain.md rule 4), to confirm or correct. */
export type SentenceWarning = 'below_minimum' | 'suspended_not_allowed';

/**
 * The sentencing flags an event would newly raise for its defendant: the flags of the chain with the event
 * that the chain without it did not have. A flag raised earlier (and confirmed then) is not asked again.
 */
export function newSentenceWarnings(before: readonly ChainEvent[], after: readonly ChainEvent[]): { warnings: SentenceWarning[]; range: GoverningRange | null } {
  const was = assessDefendant(before).flags;
  const now = assessDefendant(after).flags;
  const warnings: SentenceWarning[] = [];
  if (now.belowMinimum && !was.belowMinimum) warnings.push('below_minimum');
  if (now.suspendedNotAllowed && !was.suspendedNotAllowed) warnings.push('suspended_not_allowed');
  return { warnings, range: now.sentencing?.range ?? null };
}
