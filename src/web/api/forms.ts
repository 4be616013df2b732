import { toNestErrors } from '@hookform/resolvers';
import i18next from 'i18next';
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { fieldsFromIssues } from '../../server/http/validation-messages';
import { ApiError } from './client';
import { currentLocale } from '../i18n/setup';

/**
 * A react-hook-form resolver from a contract's zod schema, with messages from the same validation
 * catalogue and the same mapping as the server (src/server/http/validation-messages.ts), so the user
 * reads the same text before and after submitting.
 */
export function contractResolver<T extends FieldValues>(schema: z.ZodType, prepare?: (values: T) => unknown): Resolver<T> {
  return async (values, _context, options) => {
    const result = schema.safeParse(prepare ? prepare(values) : values);
    // With a `prepare` step the submit handler gets the form's own values (it prepares them again);
    // without one, the parsed values (trimmed, defaults applied) are exactly what the API expects.
    if (result.success) return { values: (prepare ? values : result.data) as T, errors: {} };
    const fields = fieldsFromIssues(result.error.issues, currentLocale());
    const flat: Record<string, { type: string; message: string }> = {};
    for (const [path, message] of Object.entries(fields)) flat[path] = { type: 'validation', message };
    return { values: {}, errors: toNestErrors(flat as never, options) as FieldErrors<T> };
  };
}

/**
 * `contractResolver` for a contract loaded on first use (`() => import('…/contracts/x').then((m) => m.schema)`):
 * the sign-in page shows its form without waiting for zod on a slow link, and validates with the same
 * contract when submitted.
 */
export function lazyContractResolver<T extends FieldValues>(load: () => Promise<z.ZodType>): Resolver<T> {
  let resolver: Resolver<T> | undefined;
  return async (values, context, options) => {
    resolver ??= contractResolver<T>(await load());
    return resolver(values, context, options);
  };
}

/**
 * Shows an API error at field level where it names fields; returns the form-level message otherwise.
 * Field messages from the server are already localised (Accept-Language), or are catalogue keys.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, known?: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return null;
  const unplaced: string[] = [];
  for (const [path, raw] of Object.entries(error.fields)) {
    const message = i18next.t(raw, { ns: 'validation', defaultValue: i18next.t(raw, { ns: 'errors', defaultValue: raw }) });
    if (!known || known.some((k) => path === k || path.startsWith(`${k}.`))) setError(path as Path<T>, { type: 'server', message });
    else unplaced.push(message);
  }
  return unplaced.length ? unplaced.join(' ') : null;
}

/** The message of the first error at a dotted path of RHF's nested errors. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** Every error message of RHF's nested errors with its dotted path, in the order of the form's fields. */
export function flattenErrors(errors: FieldErrors, prefix = ''): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const [key, node] of Object.entries(errors ?? {})) {
    if (!node || typeof node !== 'object' || key === 'ref') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (node as { message?: unknown }).message;
    if (typeof message === 'string' && message) out.push({ path, message });
    else out.push(...flattenErrors(node as FieldErrors, path));
  }
  return out;
}
