import type { FastifyReply } from 'fastify';

/** Vite's content-hashed output (`/assets/index-hIYBwLlu.js`): its name changes whenever its content does. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.(js|mjs|css|woff2?|svg|png|jpe?g|webp)(\.br|\.gz)?$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Kept, but revalidated on every use (a cheap 304): index.html must always name the current hashed files. */
export const REVALIDATE = 'no-cache';

/**
 * Caching of the web app's files: hashed files are kept a year and never revalidated (a new build has new
 * names), everything else — index.html first of all — is revalidated each time. `path` is the file on disk,
 * possibly its precompressed `.br`/`.gz` sibling.
 */
export function setStaticCacheHeaders(reply: FastifyReply, path: string) {
  reply.header('cache-control', HASHED_ASSET.test(path) ? IMMUTABLE : REVALIDATE);
}

/** Options for @fastify/static: precompressed siblings (written at build) and the cache rules above. */
export function staticFileOptions(root: string) {
  return {
    root,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: setStaticCacheHeaders,
  } as const;
}
