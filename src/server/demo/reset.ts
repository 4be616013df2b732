import { count, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect';
import { cases } from '../../db/schema';
import { dropCaseCodeSequences } from '../cases/case.code';
import type { Deps } from '../deps';
import { restoreAccounts, snapshotAccounts } from './accounts';
import { DemoRefusedError, generateDemoData, type DemoOptions, type DemoSummary } from './generator';
import { DEMO_SETTING, readDemoMarker } from './marker';

/** Only synthetic data (marked by the `demo` system setting) may be wiped; an empty database may be too. */
async function assertResettable(db: Db | Tx): Promise<void> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(cases);
  if (Number(n) > 0 && !(await readDemoMarker(db))) {
    throw new DemoRefusedError('This database holds real cases (it is not marked as demo data): refusing to reset it.');
  }
}

/**
 * TRUNCATE … CASCADE reaches every table that refers to cases, persons, institutions or users; the case
 * code sequences go too (the regenerated cases are numbered from 1 again). The audit log is left as it is
 * (append-only).
 */
async function wipe(tx: Tx): Promise<void> {
  await tx.execute(sql`truncate table cases, persons, sessions, api_tokens, users, units, institutions, case_code_sequences cascade`);
  await dropCaseCodeSequences(tx);
  await tx.execute(sql`delete from system_settings where key = ${DEMO_SETTING}`);
}

/**
 * Empties a demo database (also one whose generation was killed part-way) so it can be generated again,
 * accounts included (`reta demo --reset`). Refused on a database with real cases.
 */
export async function resetDemoData(deps: Deps): Promise<void> {
  await assertResettable(deps.db);
  await deps.db.transaction(async (tx) => {
    await assertResettable(tx);
    await wipe(tx);
  });
}

/**
 * Wipes the data of a demo database and generates it again, keeping its accounts (institutions, units,
 * users and their passwords, sessions, tokens): the reset from the web app. The wipe, the accounts and the
 * new marker are one transaction; the batches follow, as in `reta demo`.
 */
export async function regenerateDemoData(deps: Deps, options: Omit<DemoOptions, 'prepare'>): Promise<DemoSummary> {
  return generateDemoData(deps, {
    ...options,
    prepare: async (tx) => {
      await assertResettable(tx);
      const kept = await snapshotAccounts(tx);
      await wipe(tx);
      await restoreAccounts(tx, kept);
    },
  });
}
