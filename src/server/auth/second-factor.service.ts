import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import type { Actor, Ctx } from '../context';
import type { Deps } from '../deps';
import { isDemoDatabase } from '../demo/generator';
import { invalid, notFound } from '../errors/app-error';
import { verifyPassword } from './passwords';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import {
  confirmPendingSecret,
  consumeRecoveryCode,
  consumeTotpStep,
  countRecoveryCodesLeft,
  deleteSecondFactor,
  findSecondFactor,
  isEnrolled,
  replaceRecoveryCodes,
  savePendingSecret,
} from './second-factor.repository';
import { enrolmentOf, matchTotpStep, newTotpSecret } from './totp';

export type SecondFactorProof = { code: string; recoveryCode?: undefined } | { recoveryCode: string; code?: undefined };
export type SecondFactorMethod = 'totp' | 'recovery_code';

/** TOTP enrolment, checking a code or recovery code at sign-in, and the administrator's reset. */
export function createSecondFactorService(deps: Deps) {
  const { db, cipher, config } = deps;
  let trainingDatabase: Promise<boolean> | undefined;

  /** Training databases (RETA_DEMO or a `reta demo` database) let demo accounts skip the second factor. */
  const isTraining = async () => config.demoMode || (await (trainingDatabase ??= isDemoDatabase(deps)));
  const requiredForRoles = (roles: readonly string[]) => roles.some((role) => config.twoFactorRoles.includes(role));

  /** A person whose role requires a second factor and who has none yet: they must enrol before anything else. */
  async function mustEnrol(actor: Actor): Promise<boolean> {
    if (actor.tokenId || !requiredForRoles(actor.roles)) return false;
    if (await isEnrolled(db, actor.userId)) return false;
    return !(await isTraining());
  }

  async function status(userId: string, roles: readonly string[]) {
    const factor = await findSecondFactor(db, userId);
    const enrolled = Boolean(factor?.confirmedAt && factor.secretEncrypted);
    return {
      enrolled,
      required: requiredForRoles(roles) && !(await isTraining()),
      enrolledAt: enrolled ? factor!.confirmedAt!.toISOString() : null,
      recoveryCodesLeft: enrolled ? await countRecoveryCodesLeft(db, userId) : 0,
    };
  }

  /** A new secret for the authenticator app. Replacing a working factor needs the current password. */
  async function startEnrolment(ctx: Ctx, currentPassword?: string) {
    const [user] = await db.select().from(users).where(eq(users.id, ctx.actor.userId)).limit(1);
    if (!user) throw notFound('user');
    if (await isEnrolled(db, user.id)) {
      if (!currentPassword || !user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw invalid({ currentPassword: 'auth.wrong_current_password' }, 'auth.wrong_current_password');
      }
    }
    const secret = newTotpSecret();
    await savePendingSecret(db, user.id, cipher.encrypt(secret));
    return { secret, ...(await enrolmentOf(secret, user.username)) };
  }

  /** The first code proves the app holds the secret; the recovery codes are returned this once only. */
  async function confirmEnrolment(ctx: Ctx, code: string): Promise<{ recoveryCodes: string[] }> {
    const factor = await findSecondFactor(db, ctx.actor.userId);
    const pending = factor?.pendingSecretEncrypted;
    const step = pending ? matchTotpStep(cipher.decrypt(pending), code) : undefined;
    if (!pending || step === undefined) throw invalid({ code: 'auth.code_invalid' }, 'auth.code_invalid');
    const recoveryCodes = newRecoveryCodes();
    const confirmed = await db.transaction(async (tx) => {
      if (!(await confirmPendingSecret(tx, ctx.actor.userId, pending, step))) return false;
      await replaceRecoveryCodes(tx, ctx.actor.userId, recoveryCodes.map((c) => hashRecoveryCode(cipher, c)));
      await writeAudit(tx, ctx, { action: 'auth.second_factor_enrolled', entityType: 'user', entityId: ctx.actor.userId });
      return true;
    });
    if (!confirmed) throw invalid({ code: 'auth.code_invalid' }, 'auth.code_invalid');
    return { recoveryCodes };
  }

  /** Checks a code (each time step accepted once) or spends a recovery code. */
  async function verify(userId: string, proof: SecondFactorProof): Promise<SecondFactorMethod | undefined> {
    const factor = await findSecondFactor(db, userId);
    if (!factor?.confirmedAt || !factor.secretEncrypted) return undefined;
    if (proof.code !== undefined) {
      const step = matchTotpStep(cipher.decrypt(factor.secretEncrypted), proof.code);
      return step !== undefined && (await consumeTotpStep(db, userId, step)) ? 'totp' : undefined;
    }
    return (await consumeRecoveryCode(db, userId, hashRecoveryCode(cipher, proof.recoveryCode))) ? 'recovery_code' : undefined;
  }

  /** The administrator's (or the CLI's) reset: the factor and recovery codes go, the user's sessions end. */
  async function reset(ctx: Ctx, userId: string): Promise<void> {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) throw notFound('user');
    await db.transaction(async (tx) => {
      const had = await deleteSecondFactor(tx, userId);
      await tx.delete(sessions).where(eq(sessions.userId, userId));
      await writeAudit(tx, ctx, { action: 'user.second_factor_reset', entityType: 'user', entityId: userId, details: { hadFactor: had } });
    });
  }

  async function statusOfUser(userId: string) {
    const [user] = await db.select({ id: users.id, roles: users.roles }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) throw notFound('user');
    return status(user.id, user.roles);
  }

  return { mustEnrol, status, statusOfUser, startEnrolment, confirmEnrolment, verify, reset, isEnrolled: (userId: string) => isEnrolled(db, userId) };
}

export type SecondFactorService = ReturnType<typeof createSecondFactorService>;
