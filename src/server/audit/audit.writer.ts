import type { Tx } from '../../db/connect';
import { isSystemActor, type Ctx } from '../context';
import { keyedAuditHash, storedAuditContent } from './audit.hash';
import { currentAuditKey } from './audit.key';
import { insertAuditRows, lockAuditChain, readChainHead } from './audit.repository';
import { refreshQueuedFacts } from '../stats/facts/facts.refresh';

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
 * Appends entries, in order, in the caller's transaction. Each entry is normalised to exactly what the
 * database stores before it is hashed, and everything but the chain link is prepared before the chain lock.
 * The lock is held until the transaction ends and serialises every audited write, so callers on hot paths
 * (registration) write their entries as the LAST statements of the transaction: the lock then covers only
 * reading the head, one multi-row insert and the commit.
 */
export async function writeAudits(tx: Tx, ctx: Ctx, inputs: readonly AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  const key = currentAuditKey();
  const at = new Date();
  const contents = inputs.map((input) =>
    storedAuditContent({
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
    }),
  );
  // The statistics facts of what this transaction changed so far are recomputed BEFORE the chain lock,
  // so the lock serialising every audited write covers only the audit insert and the commit (the end of
  // the transaction recomputes anything written after this entry: src/server/stats/facts/facts.hook.ts).
  await refreshQueuedFacts(tx);
  await lockAuditChain(tx);
  let head = await readChainHead(tx);
  const rows = contents.map((content) => {
    const fields = { ...content, seq: head.seq + 1, prevHash: head.hash };
    const hash = keyedAuditHash(key, fields);
    head = { seq: fields.seq, hash };
    return { ...fields, hash };
  });
  await insertAuditRows(tx, rows);
}
