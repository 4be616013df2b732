import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/connect';
import { writeAudit } from './audit/audit.writer';
import type { Ctx } from './context';
import { mergeFields } from '../core/field-merge';
import { AppError, notFound, staleVersion } from './errors/app-error';

type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn };

/**
 * What a client that worked on an older version sends besides its changes (offline work): the value each
 * changed field had when it started. With it, a stale version is merged field by field instead of refused.
 */
export interface FieldMerge {
  /** The client's changed fields, as the API names them. */
  mine: Record<string, unknown>;
  /** The value of each changed field the client started from. */
  base: Record<string, unknown>;
  /** The record now, in the same shape as `mine` (read in the same transaction, after the row lock). */
  current: Record<string, unknown>;
  currentVersion: number;
  /** The column a field is written to, where it differs from the field's name (narrative → narrativeEnc). */
  columns?: Record<string, string>;
}

/** Both sides changed the same fields differently: 409 with both values of each, to be chosen by a person. */
export const fieldConflict = (conflicts: ReturnType<typeof mergeFields>['conflicts'], version: number) =>
  new AppError('record.field_conflict', 409, undefined, undefined, undefined, { conflicts, version });

/**
 * Optimistic concurrency in one statement: the row changes only if its version is still the one the
 * client read. A stale version answers 409 and changes nothing; a missing row answers 404.
 *
 * With `merge` (the client sent base values), a stale version is not refused at once: if no field the client
 * changed was changed by someone else since its base, the changes apply on top of the current version (so
 * two devices editing different fields both land); a field changed on both sides to different values
 * answers 409 `record.field_conflict` with both values (src/core/field-merge.ts), never a silent overwrite.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  entity: string,
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
  merge?: FieldMerge,
): Promise<T['$inferSelect']> {
  if (merge && merge.currentVersion !== expectedVersion) {
    const { conflicts, unchanged } = mergeFields(merge.current, merge.base, merge.mine);
    if (conflicts.length) throw fieldConflict(conflicts, merge.currentVersion);
    // Sent but not changed by this client: writing it would undo what someone else changed since.
    values = { ...values };
    for (const field of unchanged) delete values[merge.columns?.[field] ?? field];
    expectedVersion = merge.currentVersion;
  }
  const rows = (await tx
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning()) as unknown[];
  if (rows.length === 1) return rows[0] as T['$inferSelect'];
  const exists = (await tx.select({ id: table.id }).from(table as never).where(eq(table.id, id)).limit(1)) as unknown[];
  throw exists.length ? staleVersion() : notFound(entity);
}

/**
 * After a refused merge (its transaction rolled back): the conflict is recorded in the audit log on its own
 * (`<entity>.update_conflict`, the fields only — never their values, which may identify someone), so the
 * unit's supervisor sees in the audit log which records wait for a person's choice. Rethrows the error.
 */
export function recordFieldConflict(db: Db, ctx: Ctx, entity: string, id: string) {
  return async (error: unknown): Promise<never> => {
    if (error instanceof AppError && error.code === 'record.field_conflict') {
      const { conflicts, version } = error.details as { conflicts: Array<{ field: string }>; version: number };
      await db.transaction((tx) => writeAudit(tx, ctx, { action: `${entity}.update_conflict`, entityType: entity, entityId: id, details: { fields: conflicts.map((c) => c.field), version } }));
    }
    throw error;
  };
}

/** Drops keys whose value is undefined, so a partial update leaves absent fields untouched. */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
