import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped — so the same value always
 * serialises to the same bytes, whichever order it was assembled in (and whatever order jsonb gives back).
 * The one serialisation behind every hash of content: snapshots, the audit chain, idempotent requests.
 * `omitNullMembers` also drops members that are null ("not given" on a create request).
 */
export function canonicalJson(value: unknown, options: { omitNullMembers?: boolean } = {}): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v, options))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && !(options.omitNullMembers && v === null))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, options)}`).join(',')}}`;
}

/** sha-256 (hex) of the canonical JSON of a value. */
export const contentHash = (value: unknown) => createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
