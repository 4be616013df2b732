import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * `Cache-Control: no-store` on every API response, errors included. Decided once for the whole API instead of
 * per presenter: identity and restricted texts leave the server in many shapes (case, person, call, search,
 * exports, the login answer with its CSRF token), and a route that forgets a per-response mark would let a
 * browser or a shared proxy keep them on disk. API answers are per actor and never worth caching; the web
 * app's static files (outside /api) keep their normal caching.
 */
export async function markNoStore(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (isApiPath(req.url)) reply.header('cache-control', 'no-store');
  return payload;
}

/** `/api…` however it is spelt (`/%61pi/v1/…` reaches the same routes). */
function isApiPath(url: string): boolean {
  const path = url.split('?')[0]!;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    /* malformed: judge the raw path */
  }
  return decoded.toLowerCase().startsWith('/api');
}
