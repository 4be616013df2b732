import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasLoneSurrogate } from '../../core/unicode';
import { invalid } from '../errors/app-error';

/** Deeper than any request RETA accepts; a deeper body is refused before anything walks it. */
export const MAX_INPUT_DEPTH = 32;

/** NUL cannot be stored in PostgreSQL text or jsonb; a lone surrogate is not a character and is stored as U+FFFD. */
const unstorable = (text: string) => text.includes('\u0000') || hasLoneSurrogate(text);

export type InputProblem = { field: string; reason: 'invalid_format' | 'too_deep' };

/**
 * The first string (or object key) the database could not store as sent, or nesting beyond `maxDepth`.
 * Iterative, so a hostile depth costs a bounded loop, never the stack.
 */
export function findInputProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | undefined {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    const field = path.join('.') || '_';
    if (typeof current === 'string') {
      if (unstorable(current)) return { field, reason: 'invalid_format' };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= maxDepth) return { field: '_', reason: 'too_deep' };
    const entries = Object.entries(current);
    if (entries.some(([key]) => unstorable(key))) return { field, reason: 'invalid_format' };
    // Last pushed is walked first: push in reverse so the first field in the document is reported.
    for (let i = entries.length - 1; i >= 0; i--) pending.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
  }
  return undefined;
}

/** Refuses unstorable text and excessive nesting in a body, query or path with a field-level 400, for every route at once. */
export async function refuseUnstorableInput(req: FastifyRequest) {
  const problem = findInputProblem(req.body) ?? findInputProblem(req.query) ?? findInputProblem(req.params);
  if (problem) throw invalid({ [problem.field]: problem.reason });
}

/** True when brackets outside strings nest deeper than `limit`: one pass over the text, before parsing. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Fastify's own JSON parser (prototype-poisoning checks included), preceded by a depth limit, so that a
 * deeply nested body is a 400 in the parser, before any hook or validator walks it.
 */
export function useDepthLimitedJsonParser(app: FastifyInstance, maxDepth = MAX_INPUT_DEPTH) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (nestsDeeperThan(body as string, maxDepth)) return done(invalid({ _: 'too_deep' }), undefined);
    return parse(req, body as string, done);
  });
}
