/**
 * Field-by-field merge of an update written against an older version (offline work, two tabs). The client
 * sends the fields it changed and, for each, the value it started from (its base). For every changed field:
 * - the record still holds the base value → nobody else changed it: the new value applies;
 * - the record already holds the new value → both sides made the same change: nothing to decide;
 * - anything else → both sides changed the same field differently: a conflict, never a silent overwrite.
 * A field sent with its base value unchanged was not changed by this client: it is `unchanged`, and must
 * not be written (it would undo someone else's change). Fields not sent are never touched, so changes to
 * different fields both land.
 */
export interface FieldConflict {
  field: string;
  /** The value this client wants. */
  mine: unknown;
  /** The value on the server now (written by someone else since the base). */
  theirs: unknown;
  /** The value both started from. */
  base: unknown;
}

/** Values compared as data: lists of codes ignore order, dates compare by day or instant, null equals undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function mergeFields(
  current: Record<string, unknown>,
  base: Record<string, unknown>,
  mine: Record<string, unknown>,
): { conflicts: FieldConflict[]; unchanged: string[] } {
  const conflicts: FieldConflict[] = [];
  const unchanged: string[] = [];
  for (const [field, value] of Object.entries(mine)) {
    if (value === undefined) continue;
    if (field in base && sameValue(value, base[field])) {
      unchanged.push(field);
      continue;
    }
    const now = current[field];
    if (sameValue(now, value)) continue;
    if (!(field in base)) {
      // No base value sent for a changed field: the client cannot show it was unchanged, so it is a conflict.
      conflicts.push({ field, mine: value, theirs: now ?? null, base: null });
      continue;
    }
    if (!sameValue(now, base[field])) conflicts.push({ field, mine: value, theirs: now ?? null, base: base[field] ?? null });
  }
  return { conflicts, unchanged };
}
