import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens, users } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import { isSystemActor, type Actor, type Ctx } from '../context';
import type { Deps } from '../deps';
import { notFound, ruleRefused } from '../errors/app-error';
import { authCacheOf, invalidateAuthCache } from './actor-cache';
import { newSecret, sha256Hex } from './tokens';

const PREFIX = 'reta_';

/** API tokens for integrations: shown once at creation, stored only as a hash, revocable. */
export function createApiTokenService(deps: Deps) {
  const { db } = deps;

  async function create(ctx: Ctx, input: { userId: string; name: string }) {
    const [user] = await db.select().from(users).where(eq(users.id, input.userId)).limit(1);
    if (!user) throw notFound('user');
    if (!user.isServiceAccount) throw ruleRefused('token.user_not_service_account');
    const token = PREFIX + newSecret();
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(apiTokens)
        .values({ userId: user.id, name: input.name, tokenHash: sha256Hex(token), createdBy: isSystemActor(ctx.actor) ? null : ctx.actor.userId })
        .returning();
      await writeAudit(tx, ctx, { action: 'token.create', entityType: 'api_token', entityId: row!.id, details: { userId: user.id, name: input.name } });
      return { id: row!.id, name: row!.name, userId: row!.userId, createdAt: row!.createdAt, token };
    });
  }

  async function revoke(ctx: Ctx, tokenId: string) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
        .returning();
      if (!row) throw notFound('api_token');
      await writeAudit(tx, ctx, { action: 'token.revoke', entityType: 'api_token', entityId: tokenId });
    });
    invalidateAuthCache(db);
  }

  async function list() {
    return db
      .select({ id: apiTokens.id, name: apiTokens.name, userId: apiTokens.userId, username: users.username, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .innerJoin(users, eq(apiTokens.userId, users.id))
      .orderBy(apiTokens.createdAt);
  }

  /** Token and user come from a short-lived cache (actor-cache.ts); a revoke through this server clears it. */
  async function resolve(token: string): Promise<Actor | undefined> {
    if (!token.startsWith(PREFIX)) return undefined;
    const hash = sha256Hex(token);
    const cache = authCacheOf(db);
    const row = await cache.token(hash, async () => {
      const [found] = await db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt))).limit(1);
      return found;
    });
    if (!row) return undefined;
    const actor = await cache.actor(db, row.userId);
    if (!actor) return undefined;
    const now = new Date();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
      cache.updateToken(hash, { ...row, lastUsedAt: now });
    }
    return { ...actor, tokenId: row.id };
  }

  return { create, revoke, list, resolve };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
