import { and, count, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { loginChallenges, recoveryCodes, userSecondFactors } from '../../db/schema';

export async function findSecondFactor(db: Tx, userId: string) {
  const [row] = await db.select().from(userSecondFactors).where(eq(userSecondFactors.userId, userId)).limit(1);
  return row;
}

export async function isEnrolled(db: Tx, userId: string): Promise<boolean> {
  const row = await findSecondFactor(db, userId);
  return Boolean(row?.confirmedAt && row.secretEncrypted);
}

/** Keeps a new secret aside until its first code confirms it; a working factor stays in use meanwhile. */
export async function savePendingSecret(db: Tx, userId: string, pendingSecretEncrypted: string): Promise<void> {
  await db
    .insert(userSecondFactors)
    .values({ userId, pendingSecretEncrypted })
    .onConflictDoUpdate({ target: userSecondFactors.userId, set: { pendingSecretEncrypted } });
}

/** Makes the pending secret the factor, if it is still the one that was checked (a newer one wins). */
export async function confirmPendingSecret(db: Tx, userId: string, checkedPending: string, step: number): Promise<boolean> {
  const rows = await db
    .update(userSecondFactors)
    .set({ secretEncrypted: checkedPending, pendingSecretEncrypted: null, confirmedAt: sql`now()`, lastUsedStep: step })
    .where(and(eq(userSecondFactors.userId, userId), eq(userSecondFactors.pendingSecretEncrypted, checkedPending)))
    .returning({ userId: userSecondFactors.userId });
  return rows.length === 1;
}

/** Accepts a code's time step once: a step at or before the last one used is a replay and is refused. */
export async function consumeTotpStep(db: Tx, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(userSecondFactors)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(userSecondFactors.userId, userId),
        sql`${userSecondFactors.confirmedAt} is not null`,
        sql`(${userSecondFactors.lastUsedStep} is null or ${userSecondFactors.lastUsedStep} < ${step}::int)`,
      ),
    )
    .returning({ userId: userSecondFactors.userId });
  return rows.length === 1;
}

export async function replaceRecoveryCodes(db: Tx, userId: string, codeHashes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Spends a recovery code: one UPDATE, so two concurrent uses of the same code cannot both succeed. */
export async function consumeRecoveryCode(db: Tx, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function countRecoveryCodesLeft(db: Tx, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

export async function deleteSecondFactor(db: Tx, userId: string): Promise<boolean> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.delete(loginChallenges).where(eq(loginChallenges.userId, userId));
  const rows = await db.delete(userSecondFactors).where(eq(userSecondFactors.userId, userId)).returning({ userId: userSecondFactors.userId });
  return rows.length === 1;
}

export async function createChallenge(db: Tx, id: string, userId: string, ttlMinutes: number): Promise<void> {
  await db.insert(loginChallenges).values({ id, userId, expiresAt: sql`now() + make_interval(mins => ${ttlMinutes}::int)` });
}

/** Counts an attempt on a live challenge and names its user; undefined once expired or spent. */
export async function claimChallenge(db: Tx, id: string, maxAttempts: number): Promise<string | undefined> {
  const [row] = await db
    .update(loginChallenges)
    .set({ attempts: sql`${loginChallenges.attempts} + 1` })
    .where(and(eq(loginChallenges.id, id), sql`${loginChallenges.expiresAt} > now()`, sql`${loginChallenges.attempts} < ${maxAttempts}::int`))
    .returning({ userId: loginChallenges.userId });
  return row?.userId;
}

export async function deleteChallenge(db: Tx, id: string): Promise<void> {
  await db.delete(loginChallenges).where(eq(loginChallenges.id, id));
}

export async function purgeExpiredChallenges(db: Tx, now: Date): Promise<void> {
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now));
}
