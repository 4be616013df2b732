import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../../test/case-factory';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, testDriver, type TestRegistry } from '../../../test/registry';
import { openDatabase, READ_APPLICATION_NAME } from '../../db/connect';

/**
 * Issue 11: statistics and reports may read from a replica (RETA_READ_DATABASE_URL) while writes, and the facts
 * refresh every statistics read starts with, stay on the primary. Here the "replica" is a second, read-only
 * connection to the same PostgreSQL database (as a hot standby is read-only), named `reta-read` in
 * pg_stat_activity: a figure read through it, and any write sent to it, would fail.
 */
const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe('RETA_READ_DATABASE_URL', () => {
  it('is refused without a PostgreSQL primary: PGlite has no replicas', async () => {
    await expect(openDatabase({ dataDir: '/nonexistent-reta-dir', readDatabaseUrl: 'postgres://127.0.0.1/x' })).rejects.toThrow(/RETA_READ_DATABASE_URL needs a PostgreSQL primary/);
  });
});

describe.runIf(testDriver() === 'postgres')('statistics on a read replica', () => {
  let registry: TestRegistry;
  let analyst: MadeUser;
  let police: MadeUser;
  beforeAll(async () => {
    registry = await createTestRegistry({}, { readReplica: true });
    analyst = await makeUser(registry, { roles: ['analyst'], national: true });
    police = await makeUser(registry, { roles: ['registrar'], departments: ['15'] });
  });
  afterAll(() => registry?.close());

  /** What each connection of this database last ran, by application name. */
  async function activity(): Promise<Array<{ application_name: string; query: string; state_change: string }>> {
    return rows(await registry.deps.db.execute(sql`select application_name, query, to_char(state_change at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as state_change from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`));
  }
  const clock = async () => rows<{ t: string }>(await registry.deps.db.execute(sql`select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as t`))[0]!.t;
  const victims = async (period: string) => {
    const response = await analyst.client.get(`/api/v1/stats/query?indicator=victims&${period}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.totals.grand.value as number;
  };

  it('reads figures through the read connection, which is read-only, and writes through the primary', async () => {
    expect(registry.deps.readDb).not.toBe(registry.deps.db);
    const readOnly = rows<{ ro: string }>(await registry.deps.readDb.execute(sql`select current_setting('transaction_read_only') as ro`));
    expect(readOnly[0]!.ro).toBe('on');
    await expect(registry.deps.readDb.execute(sql`create temporary table t (x int)`)).rejects.toThrow();

    const period = 'from=2021-01-01&to=2021-12-31';
    expect(await victims(period)).toBe(0);
    await makeCase(registry.deps, police, { registeredAt: new Date('2021-06-01T12:00:00Z'), victims: [{ sex: 'male', ageYears: 30 }] });
    const beforeRead = await clock();
    // Same database here, so no replication delay: the read right after the write sees it.
    expect(await victims(period)).toBe(1);

    // The figure was read on a `reta-read` connection (nothing else uses it), which last ran its transaction's
    // end after the read began; the facts queue is only ever touched by the primary's connections.
    const reads = (await activity()).filter((a) => a.application_name === READ_APPLICATION_NAME);
    expect(reads.some((a) => a.state_change > beforeRead && /^commit/i.test(a.query.trim()))).toBe(true);
    expect(reads.every((a) => !a.query.includes('stats_fact_queue'))).toBe(true);
    expect(registry.deps.database.readPoolStats?.().total).toBeGreaterThan(0);
  });

  it('brings queued facts up to date on the primary before a read: a write made outside a transaction shows in the next figure', async () => {
    const period = 'from=2019-01-01&to=2019-12-31';
    const made = await makeCase(registry.deps, police, { registeredAt: new Date('2019-05-01T12:00:00Z'), victims: [{ sex: 'female', ageYears: 20 }] });
    expect(await victims(period)).toBe(1);
    // Hand-written SQL, outside any transaction of the app: its trigger queues the case, nothing refreshes it yet.
    await registry.deps.db.execute(sql`update cases set registered_at = '2018-05-01T12:00:00Z' where id = ${made.case.id}`);
    const queued = rows<{ n: number }>(await registry.deps.db.execute(sql`select count(*)::int as n from stats_fact_queue`));
    expect(queued[0]!.n).toBeGreaterThan(0);
    // The read drains the queue (a write) — on the primary, since the read connection refuses writes — and reads there.
    expect(await victims(period)).toBe(0);
    expect(await victims('from=2018-01-01&to=2018-12-31')).toBe(1);
    const after = rows<{ n: number }>(await registry.deps.db.execute(sql`select count(*)::int as n from stats_fact_queue`));
    expect(after[0]!.n).toBe(0);
  });

  it('reports the read pool in /metrics beside the primary pool', async () => {
    const response = await registry.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/reta_db_pool_connections\{state="total"\} \d+/);
    expect(response.body).toMatch(/reta_db_read_pool_connections\{state="total"\} [1-9]/);
  });
});
