/**
 * A `text[]` (or `uuid[]::text[]`) column as a list: node-postgres parses it, PGlite may hand back its text form
 * `{a,b}`. Values here are ids and codes (no commas, quotes or braces).
 */
export function textArray(value: readonly string[] | string | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  return typeof value === 'string' ? value.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : [...value];
}
