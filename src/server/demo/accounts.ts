import type { Tx } from '../../db/connect';
import { apiTokens, institutions, recoveryCodes, sessions, units, users, userSecondFactors } from '../../db/schema';

/**
 * The accounts of a demo database, row for row: institutions, units, users (with their passwords), open
 * sessions and API tokens. A reset from the web app puts them back after wiping the data, with the same
 * ids, so trainees keep their passwords and nobody is signed out. A table that belongs to an account (a
 * second factor, for instance) must be added here, or a reset from the web app would drop it.
 */
export interface KeptAccounts {
  institutions: (typeof institutions.$inferSelect)[];
  units: (typeof units.$inferSelect)[];
  users: (typeof users.$inferSelect)[];
  sessions: (typeof sessions.$inferSelect)[];
  apiTokens: (typeof apiTokens.$inferSelect)[];
  secondFactors: (typeof userSecondFactors.$inferSelect)[];
  recoveryCodes: (typeof recoveryCodes.$inferSelect)[];
}

export async function snapshotAccounts(tx: Tx): Promise<KeptAccounts> {
  return {
    institutions: await tx.select().from(institutions),
    units: await tx.select().from(units),
    users: await tx.select().from(users),
    sessions: await tx.select().from(sessions),
    apiTokens: await tx.select().from(apiTokens),
    secondFactors: await tx.select().from(userSecondFactors),
    recoveryCodes: await tx.select().from(recoveryCodes),
  };
}

export async function restoreAccounts(tx: Tx, kept: KeptAccounts): Promise<void> {
  if (kept.institutions.length) await tx.insert(institutions).values(kept.institutions);
  if (kept.units.length) await tx.insert(units).values(kept.units);
  if (kept.users.length) await tx.insert(users).values(kept.users);
  if (kept.sessions.length) await tx.insert(sessions).values(kept.sessions);
  if (kept.apiTokens.length) await tx.insert(apiTokens).values(kept.apiTokens);
  if (kept.secondFactors.length) await tx.insert(userSecondFactors).values(kept.secondFactors);
  if (kept.recoveryCodes.length) await tx.insert(recoveryCodes).values(kept.recoveryCodes);
}
