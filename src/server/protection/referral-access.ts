import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { caseAccess, referrals } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { ReferralRow } from './protection.repository';

/**
 * A declined referral gives the receiver no reason to keep seeing the victim: the victim leaves the
 * institution's referral grant, unless another referral of the same victim to it is still live or was
 * served. An emptied grant is removed, so the case itself disappears from the receiver's view as well.
 * The declined referral stays visible to both parties (they are its sender and receiver).
 */
export async function withdrawReferralAccess(tx: Tx, ctx: Ctx, row: ReferralRow): Promise<void> {
  const live = await tx
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(
        ne(referrals.id, row.id),
        eq(referrals.caseVictimId, row.caseVictimId),
        eq(referrals.toInstitutionId, row.toInstitutionId),
        or(inArray(referrals.status, ['requested', 'accepted', 'provided']), and(eq(referrals.status, 'closed'), isNull(referrals.declinedAt))),
      ),
    )
    .limit(1);
  if (live.length) return;
  const [grant] = await tx
    .select()
    .from(caseAccess)
    .where(and(eq(caseAccess.caseId, row.caseId), eq(caseAccess.institutionId, row.toInstitutionId), eq(caseAccess.basis, 'referral')))
    .limit(1)
    .for('update');
  if (!grant?.victimIds?.includes(row.caseVictimId)) return;
  const remaining = grant.victimIds.filter((id) => id !== row.caseVictimId);
  if (remaining.length) await tx.update(caseAccess).set({ victimIds: remaining }).where(eq(caseAccess.id, grant.id));
  else await tx.delete(caseAccess).where(eq(caseAccess.id, grant.id));
  await writeAudit(tx, ctx, {
    action: 'case.access_revoke',
    entityType: 'case',
    entityId: row.caseId,
    details: { institutionId: row.toInstitutionId, basis: 'referral', victimIds: [row.caseVictimId], referralId: row.id },
  });
}
