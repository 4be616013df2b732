import type { FastifyRequest } from 'fastify';
import { invalid } from '../errors/app-error';

/** The path of the first string holding a NUL character, which PostgreSQL text and jsonb cannot store. */
export function findNulPath(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '_' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = findNulPath(child, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** Refuses NUL characters anywhere in a body or query with a field-level 400, for every route at once. */
export async function refuseNulCharacters(req: FastifyRequest) {
  const field = findNulPath(req.body) ?? findNulPath(req.query) ?? findNulPath(req.params);
  if (field) throw invalid({ [field]: 'invalid_format' });
}
