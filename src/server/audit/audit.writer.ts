import type { Tx } from '../../db/connect';
import { isSystemActor, type Ctx } from '../context';
import { storedAuditContent, UNSEALED, unsealedAuditHash } from './audit.hash';
import { currentAuditKey } from './audit.key';
import { insertAuditRows } from './audit.repository';
import { auditWritten } from './audit.seal-schedule';

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
 */
export const writeAudit = (tx: Tx, ctx: Ctx, input: AuditInput): Promise<void> => writeAudits(tx, ctx, [input]);

/**
 * Appends entries, in order, in the caller's transaction, unsealed: each carries a keyed hash of its own
 * content (normalised to exactly what the database stores), and the sealer chains them in id order shortly
 * after commit (audit.sealer.ts). No lock is held that other writers wait for: the insert takes a shared
 * advisory lock only the sealer's barrier waits on (migration 0010).
 */
export async function writeAudits(tx: Tx, ctx: Ctx, inputs: readonly AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  const key = currentAuditKey();
  const at = new Date();
  const rows = inputs.map((input) => {
    const content = storedAuditContent({
      at,
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
    return { ...content, seq: null, prevHash: UNSEALED, hash: unsealedAuditHash(key, content) };
  });
  await insertAuditRows(tx, rows);
  auditWritten();
}
