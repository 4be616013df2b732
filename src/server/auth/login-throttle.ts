import type { Deps } from '../deps';
import {
  claimAccountAttempt,
  claimKeyedAttempt,
  clearAccountAttempts,
  fixedDelay,
  progressiveDelay,
  purgeQuietCounters,
  refundAccountAttempt,
  refundKeyedAttempt,
} from './login-throttle.repository';

/** What a claimed attempt allows: to be checked at all, and whether a failure now locks the account. */
export interface AccountClaim {
  allowed: boolean;
  lastChance: boolean;
}

/**
 * Sign-in throttling, per account and per source address.
 * - An account (known or not: an unknown name is counted exactly like a real one, so a lock reveals
 *   nothing) gets RETA_LOGIN_MAX_FAILURES attempts; then each further attempt waits
 *   RETA_LOGIN_LOCKOUT_MINUTES, until a sign-in succeeds or the account is quiet for a day.
 * - A source address gets RETA_LOGIN_SOURCE_MAX_FAILURES failures; then its attempts are refused for
 *   5 s, 10 s, 20 s… up to the lockout, and are not counted against any account — one address cannot
 *   lock many accounts.
 */
export function createLoginThrottle(deps: Deps) {
  const { db, config, cipher } = deps;
  const account = { allowance: config.loginMaxFailures, delay: fixedDelay(config.loginLockoutMinutes), forgetHours: 24 };
  const source = { allowance: config.loginSourceMaxFailures, delay: progressiveDelay(config.loginLockoutMinutes), forgetHours: 1 };
  const sourceKey = (ip: string | undefined) => `source:${cipher.blindIndex('login-source', ip ?? '')}`;
  const nameKey = (username: string) => `name:${cipher.blindIndex('login-name', username)}`;
  const toClaim = (attempts: number | undefined): AccountClaim => ({
    allowed: attempts !== undefined,
    lastChance: attempts !== undefined && attempts >= account.allowance,
  });

  return {
    async claimSource(ip: string | undefined): Promise<boolean> {
      return (await claimKeyedAttempt(db, sourceKey(ip), source)) !== undefined;
    },
    refundSource: (ip: string | undefined) => refundKeyedAttempt(db, sourceKey(ip), source),
    async claimAccount(subject: { userId: string } | { unknownName: string }): Promise<AccountClaim> {
      if ('userId' in subject) return toClaim(await claimAccountAttempt(db, subject.userId, account));
      return toClaim(await claimKeyedAttempt(db, nameKey(subject.unknownName), account));
    },
    refundAccount: (userId: string) => refundAccountAttempt(db, userId, account),
    clearAccount: (userId: string) => clearAccountAttempts(db, userId),
    /** Counters quiet for a day are forgotten. */
    purge: (now: Date) => purgeQuietCounters(db, new Date(now.getTime() - 24 * 3_600_000)),
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
