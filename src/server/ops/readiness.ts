import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder, type Db } from '../../db/connect';

/** How many migrations this build ships (drizzle's journal). */
function shippedMigrations(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

export interface Readiness {
  ready: boolean;
  database: boolean;
  migrations: { applied: number; expected: number } | null;
}

/**
 * Ready to serve: the database answers and every migration this build ships is applied. Liveness
 * (`/api/health`) says only that the process serves HTTP; a load balancer sends traffic on readiness.
 */
export async function checkReadiness(db: Db): Promise<Readiness> {
  const expected = shippedMigrations();
  try {
    const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const rows = (Array.isArray(result) ? result : (result as { rows: Array<{ n: number }> }).rows) as Array<{ n: number }>;
    const applied = Number(rows[0]?.n ?? 0);
    return { ready: applied >= expected, database: true, migrations: { applied, expected } };
  } catch {
    return { ready: false, database: false, migrations: null };
  }
}
