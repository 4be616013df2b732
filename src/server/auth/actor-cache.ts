import type { Db, Tx } from '../../db/connect';
import type { Actor } from '../context';
import { loadActor } from './actor';

/**
 * How long a looked-up actor or API token is reused. Changes made through this server (disable, roles,
 * scope, password reset or change, token revoke, institution change) clear the cache at once; changes made
 * elsewhere (the CLI, another instance on the same PostgreSQL) take effect within this time.
 */
export const AUTH_CACHE_MS = 5_000;

interface Entry<T> {
  value: T;
  until: number;
}

/**
 * A short-lived cache of per-request authentication lookups, one per database (so test registries never
 * share one). A generation counter makes invalidation safe against lookups in flight: a value read before
 * a clear is never stored after it.
 */
class AuthCache {
  private generation = 0;
  private readonly actors = new Map<string, Entry<Actor | undefined>>();
  private readonly tokens = new Map<string, Entry<unknown>>();

  async actor(db: Tx, userId: string): Promise<Actor | undefined> {
    return this.cached(this.actors, userId, () => loadActor(db, userId));
  }

  async token<T>(hash: string, load: () => Promise<T>): Promise<T> {
    return this.cached(this.tokens as Map<string, Entry<T>>, hash, load);
  }

  /** Replaces a cached token value (e.g. its last-used time) without extending its life. */
  updateToken<T>(hash: string, value: T): void {
    const entry = this.tokens.get(hash);
    if (entry) entry.value = value;
  }

  clear(): void {
    this.generation += 1;
    this.actors.clear();
    this.tokens.clear();
  }

  private async cached<T>(map: Map<string, Entry<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = map.get(key);
    if (hit && hit.until > now) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) {
      if (map.size > 10_000) map.clear();
      map.set(key, { value, until: now + AUTH_CACHE_MS });
    }
    return value;
  }
}

const caches = new WeakMap<Db, AuthCache>();

export function authCacheOf(db: Db): AuthCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new AuthCache()));
  return cache;
}

/**
 * Call AFTER the transaction that changed a user, an institution or a token has committed (a clear before
 * commit could be refilled with the old row by a concurrent request).
 */
export const invalidateAuthCache = (db: Db): void => authCacheOf(db).clear();
