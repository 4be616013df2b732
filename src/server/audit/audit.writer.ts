import { desc, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { auditLog } from '../../db/schema';
import { isSystemActor, type Ctx } from '../context';
import { GENESIS_HASH, hashAuditEntry } from './audit.hash';

export interface AuditInput {
  action: string;
  entityType?: string;
  entityId?: string;
  reason?: string;
  details?: Record<string, unknown>;
}

/** A fixed advisory-lock key: appends are serialised so that the chain has no forks. */
const AUDIT_CHAIN_LOCK = 7_242_001;

/**
 * Appends one entry in the caller's transaction, so the audit row and the change it records commit or
 * roll back together. Never write identifying data into `details`.
 */
export async function writeAudit(tx: Tx, ctx: Ctx, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const fields = {
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
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...fields, hash: hashAuditEntry(fields) });
}
