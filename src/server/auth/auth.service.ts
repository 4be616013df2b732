import { and, eq, lt, sql } from 'drizzle-orm';
import { checkPassword } from '../../core/password-policy';
import { sessions, users } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import type { Actor, Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, invalid, unauthenticated } from '../errors/app-error';
import { loadActor } from './actor';
import { authCacheOf, invalidateAuthCache } from './actor-cache';
import { createLoginThrottle } from './login-throttle';
import { getDummyHash, hashPassword, verifyPassword } from './passwords';
import { claimChallenge, createChallenge, deleteChallenge, purgeExpiredChallenges } from './second-factor.repository';
import { createSecondFactorService, type SecondFactorProof, type SecondFactorService } from './second-factor.service';
import { newSecret, sha256Hex } from './tokens';

export interface SessionOpened {
  kind: 'session';
  sessionToken: string;
  csrfToken: string;
  actor: Actor;
  mustChangePassword: boolean;
}

/** The password was right and the account has a second factor: the code comes next, with this token. */
export interface SecondFactorRequired {
  kind: 'second_factor';
  challengeToken: string;
}

export type LoginOutcome = SessionOpened | SecondFactorRequired;

type RequestBase = Pick<Ctx, 'requestId' | 'ip' | 'locale'>;

/** A challenge lives 5 minutes and takes 5 codes; the account's own count applies on top. */
const CHALLENGE_MINUTES = 5;
const CHALLENGE_ATTEMPTS = 5;

/** Context for requests made before anyone is signed in. */
function anonymousCtx(base: RequestBase, username: string): Ctx {
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

export function createAuthService(deps: Deps, secondFactors: SecondFactorService = createSecondFactorService(deps)) {
  const { db, config } = deps;
  const throttle = createLoginThrottle(deps);

  /** Every refusal is audited and answers only with its code: which check failed is in the audit, not the reply. */
  async function refuse(base: RequestBase, username: string, reason: string, code: string, userId?: string): Promise<never> {
    await db.transaction(async (tx) => {
      await writeAudit(tx, anonymousCtx(base, username), { action: 'auth.login_failed', entityType: 'user', entityId: userId, details: { reason } });
    });
    throw code === 'auth.too_many_attempts' ? new AppError(code, 429) : unauthenticated(code);
  }

  /**
   * Unknown, disabled, locked and service accounts all run one argon2 verification and answer with the
   * same words as a wrong password (or the same `auth.locked`, which unknown names reach too): neither
   * the time nor the reply tells whether an account exists.
   */
  async function login(base: RequestBase, username: string, password: string, userAgent?: string): Promise<LoginOutcome> {
    if (!(await throttle.claimSource(base.ip))) {
      await verifyPassword(await getDummyHash(), password);
      return refuse(base, username, 'source_throttled', 'auth.too_many_attempts');
    }
    const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
    const known = user?.passwordHash && !user.isServiceAccount ? user : undefined;
    const claim = await throttle.claimAccount(known ? { userId: known.id } : { unknownName: username });
    if (!claim.allowed) {
      await verifyPassword(await getDummyHash(), password);
      return refuse(base, username, 'locked', 'auth.locked', user?.id);
    }
    const passwordOk = await verifyPassword(known?.passwordHash ?? (await getDummyHash()), password);
    if (!known || !passwordOk || known.disabledAt) {
      const reason = !known ? 'unknown_user' : known.disabledAt ? 'disabled' : 'wrong_password';
      return refuse(base, username, claim.lastChance ? `${reason}_locked_now` : reason, claim.lastChance ? 'auth.locked' : 'auth.invalid_credentials', user?.id);
    }
    await throttle.refundSource(base.ip);
    if (await secondFactors.isEnrolled(known.id)) {
      // The right password only gives its claim back; the count is cleared when the second factor is
      // passed too, so a known password does not buy unlimited code guesses.
      await throttle.refundAccount(known.id);
      const challengeToken = newSecret();
      await createChallenge(db, sha256Hex(challengeToken), known.id, CHALLENGE_MINUTES);
      return { kind: 'second_factor', challengeToken };
    }
    await throttle.clearAccount(known.id);
    return openSession(base, known.id, userAgent, {});
  }

  /** Second step of a two-factor sign-in: the challenge from the password step and a code or recovery code. */
  async function completeSecondFactor(base: RequestBase, challengeToken: string, proof: SecondFactorProof, userAgent?: string): Promise<SessionOpened> {
    if (!(await throttle.claimSource(base.ip))) return refuse(base, '', 'source_throttled', 'auth.too_many_attempts');
    const challengeId = sha256Hex(challengeToken);
    const userId = await claimChallenge(db, challengeId, CHALLENGE_ATTEMPTS);
    if (!userId) return refuse(base, '', 'challenge_invalid', 'auth.challenge_invalid');
    const [user] = await db.select({ username: users.username }).from(users).where(eq(users.id, userId)).limit(1);
    const username = user?.username ?? '';
    const claim = await throttle.claimAccount({ userId });
    if (!claim.allowed) {
      await deleteChallenge(db, challengeId);
      return refuse(base, username, 'locked', 'auth.locked', userId);
    }
    const method = await secondFactors.verify(userId, proof);
    if (!method) {
      if (claim.lastChance) await deleteChallenge(db, challengeId);
      return refuse(base, username, claim.lastChance ? 'second_factor_locked_now' : 'second_factor_wrong', claim.lastChance ? 'auth.locked' : 'auth.code_invalid', userId);
    }
    await deleteChallenge(db, challengeId);
    await throttle.refundSource(base.ip);
    await throttle.clearAccount(userId);
    return openSession(base, userId, userAgent, { secondFactor: method });
  }

  async function openSession(base: RequestBase, userId: string, userAgent: string | undefined, details: Record<string, string>): Promise<SessionOpened> {
    const actor = await loadActor(db, userId);
    if (!actor) return refuse(base, '', 'disabled', 'auth.invalid_credentials', userId);
    const sessionToken = newSecret();
    const csrfToken = newSecret(24);
    const now = new Date();
    await db.transaction(async (tx) => {
      await tx.insert(sessions).values({
        id: sha256Hex(sessionToken),
        userId,
        csrfToken,
        expiresAt: new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000),
        ip: base.ip,
        userAgent: userAgent?.slice(0, 300),
      });
      await writeAudit(tx, { ...base, actor }, { action: 'auth.login', entityType: 'user', entityId: userId, ...(Object.keys(details).length ? { details } : {}) });
    });
    return { kind: 'session', sessionToken, csrfToken, actor, mustChangePassword: actor.mustChangePassword ?? false };
  }

  /** Resolves a session cookie; refreshes the idle timer; expired sessions are deleted. */
  async function resolveSession(sessionToken: string): Promise<{ actor: Actor; csrfToken: string; sessionId: string; mustEnrolSecondFactor: boolean } | { expired: true } | undefined> {
    const id = sha256Hex(sessionToken);
    const [session] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
    if (!session) return undefined;
    const now = new Date();
    const idleLimit = new Date(session.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000);
    if (session.expiresAt <= now || idleLimit <= now) {
      await db.delete(sessions).where(eq(sessions.id, id));
      return { expired: true };
    }
    const actor = await authCacheOf(db).actor(db, session.userId);
    if (!actor) return undefined;
    // Write the idle timer at most once a minute: reads stay reads on a busy server.
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    }
    return { actor: { ...actor, sessionId: id }, csrfToken: session.csrfToken, sessionId: id, mustEnrolSecondFactor: await secondFactors.mustEnrol(actor) };
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
    invalidateAuthCache(db); // mustChangePassword is part of the actor

  }

  /** Sessions and sign-in challenges past their expiry, and quiet throttle counters (housekeeping). */
  async function purgeExpiredSessions(now: Date = new Date()): Promise<void> {
    await db.delete(sessions).where(lt(sessions.expiresAt, now));
    await purgeExpiredChallenges(db, now);
    await throttle.purge(now);
  }

  return { login, completeSecondFactor, resolveSession, logout, changePassword, purgeExpiredSessions, secondFactors };
}

export type AuthService = ReturnType<typeof createAuthService>;

export function assertPasswordPolicy(password: string, username: string, field = 'newPassword'): void {
  const problems = checkPassword(password, username);
  if (problems.length > 0) {
    throw new AppError('auth.weak_password', 400, undefined, { [field]: `password.${problems[0]}` });
  }
}
