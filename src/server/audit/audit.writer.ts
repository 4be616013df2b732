import type { Tx } from '../../db/connect';
import { isSystemActor, type Ctx } from '../context';
import { keyedAuditHash, storedAuditContent } from './audit.hash';
import { currentAuditKey } from './audit.key';
import { insertAuditRow, lockAuditChain, readChainHead } from './audit.repository';

export interface AuditInput {
  action: string;
  entityType?: string;
  entityId?: string;
  reason?: string;
  details?: Record<string, unknown>;
}

/**
 * Appends one entry in the caller's transaction, so the audit row and the change it records commit or
 * roll back together. Never write identifying data into `details`.
 *
 * The entry is normalised to exactly what the database stores before it is hashed, and everything but
 * the chain link is prepared before the chain lock: the lock (held until the transaction ends, and
 * serialising every audited write) covers only reading the head and the insert.
 */
export async function writeAudit(tx: Tx, ctx: Ctx, input: AuditInput): Promise<void> {
  const key = currentAuditKey();
  const content = storedAuditContent({
    at: new Date(),
    actorId: isSystemActor(ctx.actor) ? null : ctx.actor.userId,
    actorName: ctx.actor.username,
    institutionId: isSystemActor(ctx.actor) ? null : ctx.actor.institutionId,
    action: input.action,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    reason: input.reason ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip ?? null,
    details: input.details ?? {},
  });
  await lockAuditChain(tx);
  const head = await readChainHead(tx);
  const fields = { ...content, seq: head.seq + 1, prevHash: head.hash };
  await insertAuditRow(tx, { ...fields, hash: keyedAuditHash(key, fields) });
}
