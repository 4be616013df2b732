import type { z } from 'zod';
import { translate, type Locale } from '../../i18n/translate';

type Issue = z.core.$ZodIssue;

/** Turns a zod issue into a message a person can act on, in their language. */
export function messageForIssue(issue: Issue, locale: Locale): string {
  // Schemas may name a catalogue key as their message: a validation key, or a feature's error code.
  const custom = issue.message && (translate(locale, 'validation', issue.message) ?? translate(locale, 'errors', issue.message));
  if (custom) return custom;
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, 'validation', key, params) ?? key;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? t('required') : t('invalid_type');
    case 'invalid_value':
      return t('invalid_value');
    case 'too_small':
      return t(`too_small_${kindOf(issue.origin)}`, { minimum: String(issue.minimum) });
    case 'too_big':
      return t(`too_big_${kindOf(issue.origin)}`, { maximum: String(issue.maximum) });
    case 'invalid_format':
      return t('invalid_format');
    case 'unrecognized_keys':
      return t('unrecognized_keys');
    default:
      return t('invalid_type');
  }
}

function kindOf(origin: string): 'string' | 'number' | 'array' {
  if (origin === 'string') return 'string';
  if (origin === 'array' || origin === 'set') return 'array';
  return 'number';
}

/** `victims.0.ageYears` style paths, as the API's error contract promises. */
export function fieldPath(path: ReadonlyArray<PropertyKey>, prefix?: string): string {
  const joined = path.map(String).join('.');
  if (!prefix) return joined || '_';
  return joined ? `${prefix}.${joined}` : prefix;
}

export function fieldsFromIssues(issues: readonly Issue[], locale: Locale, prefix?: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[fieldPath([...issue.path, key], prefix)] ??= messageForIssue(issue, locale);
      continue;
    }
    fields[fieldPath(issue.path, prefix)] ??= messageForIssue(issue, locale);
  }
  return fields;
}
