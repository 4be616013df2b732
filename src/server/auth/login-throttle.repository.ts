import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/connect';
import { loginThrottle, users } from '../../db/schema';

/**
 * Sign-in attempt counters. An attempt is *claimed* before the password or code is checked, in one
 * atomic statement (UPDATE … RETURNING, or INSERT … ON CONFLICT DO UPDATE … RETURNING, which locks the
 * row): concurrent attempts queue on the row, and once the allowance is spent no further attempt is
 * even checked until the block ends. A success gives the claim back (source) or clears the count
 * (account).
 */

/** How a counter's block grows: the account waits the lockout; a source waits 5 s, 10 s, 20 s… up to it. */
export type Delay = (attempts: SQL, allowance: number) => SQL;

export const fixedDelay = (minutes: number): Delay => () => sql`make_interval(mins => ${minutes}::int)`;
export const progressiveDelay = (maxMinutes: number): Delay => (attempts, allowance) =>
  sql`least(make_interval(mins => ${maxMinutes}::int), make_interval(secs => 5 * power(2, least(${attempts} - ${allowance}::int, 20))))`;

interface Rule {
  allowance: number;
  delay: Delay;
  /** A counter quiet for this long starts again from zero. */
  forgetHours: number;
}

function nextCount(attempts: AnyPgColumn, lastAt: AnyPgColumn, forgetHours: number): SQL {
  return sql`case when ${lastAt} is null or ${lastAt} < now() - make_interval(hours => ${forgetHours}::int) then 1 else ${attempts} + 1 end`;
}

const blockAfter = (count: SQL, rule: Rule) =>
  sql`case when ${count} >= ${rule.allowance}::int then now() + ${rule.delay(count, rule.allowance)} else null end`;

const notBlocked = (blockedUntil: AnyPgColumn) => sql`(${blockedUntil} is null or ${blockedUntil} <= now())`;

/** Claims an attempt on a known account; undefined while it is blocked. */
export async function claimAccountAttempt(db: Tx, userId: string, rule: Rule): Promise<number | undefined> {
  const count = nextCount(users.failedLogins, users.lastLoginAttemptAt, rule.forgetHours);
  const [row] = await db
    .update(users)
    .set({ failedLogins: count, lastLoginAttemptAt: sql`now()`, lockedUntil: blockAfter(count, rule) })
    .where(and(eq(users.id, userId), notBlocked(users.lockedUntil)))
    .returning({ attempts: users.failedLogins });
  return row?.attempts;
}

/** Gives back an account's claim (a right password before the second factor): neither a failure nor a sign-in. */
export async function refundAccountAttempt(db: Tx, userId: string, rule: Rule): Promise<void> {
  await db
    .update(users)
    .set({
      failedLogins: sql`greatest(${users.failedLogins} - 1, 0)`,
      lockedUntil: sql`case when ${users.failedLogins} - 1 >= ${rule.allowance}::int then ${users.lockedUntil} else null end`,
    })
    .where(eq(users.id, userId));
}

/** A completed sign-in clears the account's count. */
export async function clearAccountAttempts(db: Tx, userId: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAttemptAt: null }).where(eq(users.id, userId));
}

/** Claims an attempt on a keyed counter (source address, unknown username); undefined while blocked. */
export async function claimKeyedAttempt(db: Tx, key: string, rule: Rule): Promise<number | undefined> {
  const count = nextCount(loginThrottle.attempts, loginThrottle.lastAttemptAt, rule.forgetHours);
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, attempts: 1, lastAttemptAt: sql`now()`, blockedUntil: blockAfter(sql`1`, rule) })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: { attempts: count, lastAttemptAt: sql`now()`, blockedUntil: blockAfter(count, rule) },
      setWhere: notBlocked(loginThrottle.blockedUntil),
    })
    .returning({ attempts: loginThrottle.attempts });
  return row?.attempts;
}

/** Gives back an attempt that turned out to be a success (a source's count is of failures only). */
export async function refundKeyedAttempt(db: Tx, key: string, rule: Rule): Promise<void> {
  await db
    .update(loginThrottle)
    .set({
      attempts: sql`greatest(${loginThrottle.attempts} - 1, 0)`,
      blockedUntil: sql`case when ${loginThrottle.attempts} - 1 >= ${rule.allowance}::int then ${loginThrottle.blockedUntil} else null end`,
    })
    .where(eq(loginThrottle.key, key));
}

/** Counters quiet for longer than any rule remembers are deleted. */
/** Counters quiet since `before` and not blocking anyone now. */
export async function purgeQuietCounters(db: Tx, before: Date): Promise<void> {
  await db.delete(loginThrottle).where(sql`${loginThrottle.lastAttemptAt} < ${before.toISOString()}::timestamptz and ${notBlocked(loginThrottle.blockedUntil)}`);
}
