import type { ChainEvent } from '../../core/justice/chain';
import { newSentenceWarnings, type SentenceWarning } from '../../core/justice/sentence-warnings';
import { ruleRefused } from '../errors/app-error';

/**
 * A sentence below the legal minimum (or suspended where the law forbids it), when the request asks to be
 * stopped at warnings (`confirmWarnings: false`, as the web form does): 422 `justice.sentence_warning`, naming
 * the minimum and the article, with the warning on the sentence field. Returns the warnings recorded anyway,
 * for the audit log.
 */
export function assertSentenceConfirmed(before: readonly ChainEvent[], after: readonly ChainEvent[], confirmed: boolean): SentenceWarning[] {
  const { warnings, range } = newSentenceWarnings(before, after);
  if (!warnings.length || confirmed) return warnings;
  const params = range ? { minimumYears: String(Math.round((range.minMonths / 12) * 100) / 100), article: range.articleNumber } : { minimumYears: '?', article: '?' };
  throw ruleRefused('justice.sentence_warning', params, { 'sentence.years': `justice.sentence_warning.${warnings[0]}` });
}
