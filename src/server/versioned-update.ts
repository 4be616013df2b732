import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/connect';
import { notFound, staleVersion } from './errors/app-error';

type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn };

/**
 * Optimistic concurrency in one statement: the row changes only if its version is still the one the
 * client read. A stale version answers 409 and changes nothing; a missing row answers 404.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  entity: string,
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
): Promise<T['$inferSelect']> {
  const rows = (await tx
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning()) as unknown[];
  if (rows.length === 1) return rows[0] as T['$inferSelect'];
  const exists = (await tx.select({ id: table.id }).from(table as never).where(eq(table.id, id)).limit(1)) as unknown[];
  throw exists.length ? staleVersion() : notFound(entity);
}

/** Drops keys whose value is undefined, so a partial update leaves absent fields untouched. */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
