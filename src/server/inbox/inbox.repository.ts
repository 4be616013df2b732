import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { inboxReads } from '../../db/schema';
import { isSystemActor, type Actor } from '../context';

export const inboxes = ['justice', 'referrals', 'hotline'] as const;
export type InboxName = (typeof inboxes)[number];

/** When the actor last looked at the inbox; null if never (everything in it is new). */
export async function seenAtOf(tx: Tx, actor: Actor, inbox: InboxName): Promise<Date | null> {
  if (isSystemActor(actor)) return null;
  const [row] = await tx.select({ seenAt: inboxReads.seenAt }).from(inboxReads).where(and(eq(inboxReads.userId, actor.userId), eq(inboxReads.inbox, inbox))).limit(1);
  return row?.seenAt ?? null;
}

/** The actor has looked at the inbox now. */
export async function markSeen(tx: Tx, actor: Actor, inbox: InboxName): Promise<Date> {
  const [row] = await tx
    .insert(inboxReads)
    .values({ userId: actor.userId, inbox })
    .onConflictDoUpdate({ target: [inboxReads.userId, inboxReads.inbox], set: { seenAt: sql`now()` } })
    .returning({ seenAt: inboxReads.seenAt });
  return row!.seenAt;
}

/** A row is new for the actor when it arrived after the actor last looked. */
export const isNewSince = (seenAt: Date | null, arrivedAt: Date | string) => seenAt === null || new Date(arrivedAt).getTime() > seenAt.getTime();
