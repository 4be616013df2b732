import { and, eq, lt, sql } from 'drizzle-orm';
import { checkPassword } from '../../core/password-policy';
import { sessions, users } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import type { Actor, Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, invalid, unauthenticated } from '../errors/app-error';
import { loadActor } from './actor';
import { getDummyHash, hashPassword, verifyPassword } from './passwords';
import { newSecret, sha256Hex } from './tokens';

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  actor: Actor;
  mustChangePassword: boolean;
}

/** Context for requests made before anyone is signed in. */
function anonymousCtx(base: Pick<Ctx, 'requestId' | 'ip' | 'locale'>, username: string): Ctx {
  return {
    ...base,
    actor: {
      kind: 'user',
      userId: '00000000-0000-0000-0000-000000000000',
      username,
      displayName: username,
      institutionId: '00000000-0000-0000-0000-000000000000',
      institutionKind: 'other',
      unitId: null,
      roles: [],
      permissions: new Set(),
      scope: { national: false, departments: [] },
    },
  };
}

export function createAuthService(deps: Deps) {
  const { db, config } = deps;

  async function login(base: Pick<Ctx, 'requestId' | 'ip' | 'locale'>, username: string, password: string, userAgent?: string): Promise<LoginResult> {
    const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
    const now = new Date();
    const refuse = async (reason: string, code = 'auth.invalid_credentials') => {
      await db.transaction(async (tx) => {
        await writeAudit(tx, anonymousCtx(base, username), { action: 'auth.login_failed', entityType: 'user', entityId: user?.id, details: { reason } });
      });
      throw unauthenticated(code);
    };
    if (!user || !user.passwordHash || user.isServiceAccount) {
      await verifyPassword(await getDummyHash(), password);
      return refuse('unknown_user');
    }
    if (user.disabledAt) return refuse('disabled');
    if (user.lockedUntil && user.lockedUntil > now) return refuse('locked', 'auth.locked');
    if (!(await verifyPassword(user.passwordHash, password))) {
      const failures = user.failedLogins + 1;
      const lock = failures >= config.loginMaxFailures;
      await db
        .update(users)
        .set({
          failedLogins: lock ? 0 : failures,
          lockedUntil: lock ? new Date(now.getTime() + config.loginLockoutMinutes * 60_000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      return refuse(lock ? 'locked_now' : 'wrong_password', lock ? 'auth.locked' : 'auth.invalid_credentials');
    }
    const actor = await loadActor(db, user.id);
    if (!actor) return refuse('disabled');
    const sessionToken = newSecret();
    const csrfToken = newSecret(24);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
      await tx.insert(sessions).values({
        id: sha256Hex(sessionToken),
        userId: user.id,
        csrfToken,
        expiresAt: new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000),
        ip: base.ip,
        userAgent: userAgent?.slice(0, 300),
      });
      await writeAudit(tx, { ...base, actor }, { action: 'auth.login', entityType: 'user', entityId: user.id });
    });
    return { sessionToken, csrfToken, actor, mustChangePassword: user.mustChangePassword };
  }

  /** Resolves a session cookie; refreshes the idle timer; expired sessions are deleted. */
  async function resolveSession(sessionToken: string): Promise<{ actor: Actor; csrfToken: string; sessionId: string } | { expired: true } | undefined> {
    const id = sha256Hex(sessionToken);
    const [session] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
    if (!session) return undefined;
    const now = new Date();
    const idleLimit = new Date(session.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000);
    if (session.expiresAt <= now || idleLimit <= now) {
      await db.delete(sessions).where(eq(sessions.id, id));
      return { expired: true };
    }
    const actor = await loadActor(db, session.userId);
    if (!actor) return undefined;
    // Write the idle timer at most once a minute: reads stay reads on a busy server.
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    }
    return { actor: { ...actor, sessionId: id }, csrfToken: session.csrfToken, sessionId: id };
  }

  async function logout(ctx: Ctx): Promise<void> {
    if (!ctx.actor.sessionId) return;
    await db.transaction(async (tx) => {
      await tx.delete(sessions).where(eq(sessions.id, ctx.actor.sessionId!));
      await writeAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
    });
  }

  async function changePassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<void> {
    const [user] = await db.select().from(users).where(eq(users.id, ctx.actor.userId)).limit(1);
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw invalid({ currentPassword: 'auth.wrong_current_password' }, 'auth.wrong_current_password');
    }
    assertPasswordPolicy(newPassword, user.username);
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ passwordHash: await hashPassword(newPassword), mustChangePassword: false, passwordChangedAt: new Date(), version: sql`${users.version} + 1` })
        .where(eq(users.id, user.id));
      // Other sessions of this user end: a changed password must lock out whoever else had it.
      await tx.delete(sessions).where(and(eq(sessions.userId, user.id), sql`${sessions.id} <> ${ctx.actor.sessionId ?? ''}`));
      await writeAudit(tx, ctx, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
    });
  }

  async function purgeExpiredSessions(): Promise<void> {
    await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  }

  return { login, resolveSession, logout, changePassword, purgeExpiredSessions };
}

export type AuthService = ReturnType<typeof createAuthService>;

export function assertPasswordPolicy(password: string, username: string, field = 'newPassword'): void {
  const problems = checkPassword(password, username);
  if (problems.length > 0) {
    throw new AppError('auth.weak_password', 400, undefined, { [field]: `password.${problems[0]}` });
  }
}
