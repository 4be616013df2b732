/** PostgreSQL's unique-violation, as both drivers report it (pg: err.code; PGlite: same field). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = (error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } }) ?? {};
  const inner = e.code === '23505' ? e : e.cause?.code === '23505' ? e.cause : undefined;
  if (!inner) return false;
  return constraint === undefined || inner.constraint === constraint;
}
