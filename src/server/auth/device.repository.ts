import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { users } from '../../db/schema';

/** What decides whether an offline device must wipe its data: the account's disabling and last password change. */
export async function loadDeviceAccountState(db: Db, userId: string) {
  const [user] = await db.select({ disabledAt: users.disabledAt, passwordChangedAt: users.passwordChangedAt }).from(users).where(eq(users.id, userId)).limit(1);
  return user ?? null;
}
