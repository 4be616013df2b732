import { count, sql } from 'drizzle-orm';
import { cases } from '../../db/schema';
import type { Deps } from '../deps';
import { DEMO_SETTING, DemoRefusedError, isDemoDatabase } from './generator';

/**
 * Empties a demo database so it can be generated again. Refused on a database with real cases: only
 * synthetic data (marked by the `demo` system setting) may be wiped. TRUNCATE … CASCADE reaches every
 * table that refers to cases, persons, institutions or users; the audit log is left as it is (append-only).
 */
export async function resetDemoData(deps: Deps): Promise<void> {
  const [{ n } = { n: 0 }] = await deps.db.select({ n: count() }).from(cases);
  if (Number(n) > 0 && !(await isDemoDatabase(deps))) {
    throw new DemoRefusedError('This database holds real cases (it is not marked as demo data): refusing to reset it.');
  }
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`truncate table cases, persons, sessions, api_tokens, users, units, institutions cascade`);
    await tx.execute(sql`delete from system_settings where key = ${DEMO_SETTING}`);
  });
}
