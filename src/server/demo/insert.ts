import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/connect';

/** PostgreSQL accepts at most 65,535 parameters in one statement; stay well below. */
const MAX_PARAMS = 30_000;

/** Multi-row INSERTs sized by the table's width, so any batch fits one statement's parameter limit. */
export async function insertRows(tx: Tx, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const width = Object.keys(getTableColumns(table)).length;
  const chunk = Math.max(1, Math.floor(MAX_PARAMS / width));
  for (let i = 0; i < rows.length; i += chunk) {
    await tx.insert(table).values(rows.slice(i, i + chunk) as never);
  }
}
