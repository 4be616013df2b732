import { readFileSync } from 'node:fs';
import { messages } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type PgliteThread } from '../src/db/connect';
import { isUniqueViolation } from '../src/server/db-errors';
import { anonymous } from './api-client';
import { createTestRegistry, testDriver, type TestRegistry } from './registry';
import { ensurePgliteTemplate } from './template';

/**
 * PGlite on a worker thread (src/db/pglite.proxy.ts): the main thread stays free while a long statement
 * runs, and what comes back — values, errors — is what the in-thread client gives.
 */
const HEAVY = sql`select count(*)::int as n from generate_series(1, 2000000)`;

/** Twenty timer turns one after another: how far they got when `work` settled. */
async function timerTurnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let settled = false;
  const ticking = (async () => {
    while (!settled && turns < 20) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (!settled) turns++;
    }
  })();
  await work.finally(() => (settled = true));
  const during = turns;
  await ticking;
  return during;
}

describe.runIf(testDriver() === 'pglite')('PGlite on a worker thread', () => {
  let template: Uint8Array;
  const open = (thread: PgliteThread) => openDatabase({ pgliteImage: template, pgliteThread: thread });
  let worker: Database;
  let main: Database;

  beforeAll(async () => {
    template = readFileSync(await ensurePgliteTemplate());
    [worker, main] = await Promise.all([open('worker'), open('main')]);
  });
  afterAll(async () => {
    await worker?.close();
    await main?.close();
  });

  it('keeps timers running while a heavy query runs (and on the main thread they cannot)', async () => {
    const onWorker = await timerTurnsDuring(worker.db.execute(HEAVY));
    expect(onWorker).toBe(20);
    // The same statement on the main thread: the timers wait for it. This is what the worker removes.
    const onMain = await timerTurnsDuring(main.db.execute(HEAVY));
    expect(onMain).toBeLessThan(20);
  });

  it('gives back the same values as the in-thread client: dates, numbers, JSON, bytes, arrays, nulls', async () => {
    const bytes = Uint8Array.from([0, 1, 2, 254, 255]);
    const when = new Date('2026-03-08T10:15:00.123Z');
    const query = sql`select
        1::int2 as i2, 2147483647::int4 as i4, 9007199254740993::int8 as i8, 12345678901234567890.123456789::numeric as num,
        1.5::float4 as f4, 'NaN'::float8 as nan, true as yes, null::text as nothing, 'ñandú "x"'::text as txt,
        '2026-03-08'::date as d, '2026-03-08 10:15:00'::timestamp as ts, '2026-03-08 10:15:00.123+00'::timestamptz as tstz,
        '1 day 02:03:04'::interval as iv, '12:30'::time as t, '{"a":[1,{"b":null}],"c":"é"}'::jsonb as jb, '[1,2]'::json as js,
        '\\x00ff'::bytea as by, array[1,2,null]::int[] as ints, array['a','b c']::text[] as texts, array[1.5, 2]::numeric[] as nums,
        array['2026-03-08'::date] as dates, array['2026-03-08 10:15:00+00'::timestamptz] as tstzs, '{}'::int[] as empty,
        'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid as id,
        ${bytes}::bytea as p_bytes, ${Buffer.from('héllo')}::bytea as p_buffer, ${when}::timestamptz as p_date,
        ${JSON.stringify({ k: [1, 'two'] })}::jsonb as p_json, ${'{"x","y"}'}::text[] as p_array, ${null}::int as p_null, ${42}::int as p_int`;
    type Raw = { rows: Record<string, unknown>[]; fields: unknown[] };
    const [a, b] = (await Promise.all([worker.db.execute(query), main.db.execute(query)])) as unknown as [Raw, Raw];
    expect(a.rows).toEqual(b.rows);
    expect(a.rows[0]).toMatchObject({ by: Uint8Array.from([0, 255]), jb: { a: [1, { b: null }], c: 'é' }, d: '2026-03-08' });
    expect(a.fields).toEqual(b.fields);
    // Typed selects (drizzle's array row mode and its identity parsers for dates and intervals).
    const typed = (db: Database) =>
      db.db.select({ d: sql<string>`'2026-03-08'::date`, ts: sql<string>`'2026-03-08 10:15:00+00'::timestamptz`, iv: sql<string>`'3 days'::interval`, n: sql<number>`7::int8` }).from(sql`(select 1) as one`);
    expect(await typed(worker)).toEqual(await typed(main));
  });

  it('keeps PostgreSQL error fields (code, constraint, detail) so a duplicate is still a 409', async () => {
    const attempt = async (db: Database) => {
      await db.db.execute(sql`create temporary table if not exists dup (code text constraint dup_code_key unique)`);
      await db.db.execute(sql`insert into dup values ('A')`);
      return db.db.execute(sql`insert into dup values ('A')`).then(
        () => undefined,
        (error: unknown) => error as Error & { cause: Record<string, unknown> },
      );
    };
    const [fromWorker, fromMain] = [await attempt(worker), await attempt(main)];
    expect(isUniqueViolation(fromWorker, 'dup_code_key')).toBe(true);
    expect(fromWorker!.cause).toBeInstanceOf(messages.DatabaseError);
    const fields = ['code', 'constraint', 'detail', 'severity', 'table', 'schema', 'routine', 'message', 'query', 'params', 'name'];
    const pick = (e: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, e[f]]));
    expect(pick(fromWorker!.cause)).toEqual(pick(fromMain!.cause));
    expect(fromWorker!.cause.code).toBe('23505');
  });

  it('commits a transaction, rolls back a failed one and its savepoints, and keeps statements in order', async () => {
    await worker.db.execute(sql`create temporary table tx_probe (n int)`);
    await worker.db.transaction(async (tx) => {
      await tx.execute(sql`insert into tx_probe values (1)`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into tx_probe values (2)`);
          throw new Error('undo the savepoint');
        })
        .catch(() => undefined);
    });
    const failed = worker.db.transaction(async (tx) => {
      await tx.execute(sql`insert into tx_probe values (3)`);
      throw new Error('undo everything');
    });
    await expect(failed).rejects.toThrow('undo everything');
    // A statement outside the transaction waits for it, as on the in-thread client.
    let inserted = false;
    const open = worker.db.transaction(async (tx) => {
      await tx.execute(sql`insert into tx_probe values (4)`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inserted = true;
    });
    const count = (r: unknown) => (r as { rows: Array<{ n: number }> }).rows[0]!.n;
    const outside = worker.db.execute(sql`select count(*)::int as n from tx_probe`).then((r) => ({ n: count(r), inserted }));
    await open;
    expect(await outside).toEqual({ n: 2, inserted: true });
    const rows = (await worker.db.execute(sql`select n from tx_probe order by n`)) as unknown as { rows: unknown[] };
    expect(rows.rows).toEqual([{ n: 1 }, { n: 4 }]);
  });

  it('runs transactions asked for at once one after the other, each seeing the one before (BEGIN is not awaited before the statements)', async () => {
    await worker.db.execute(sql`create temporary table tx_queue (n int)`);
    const seen = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        worker.db.transaction(async (tx) => {
          const before = (await tx.execute(sql`select count(*)::int as c from tx_queue`)) as unknown as { rows: Array<{ c: number }> };
          await tx.execute(sql`insert into tx_queue values (${n})`);
          if (n === 3) throw new Error('undo the third');
          return before.rows[0]!.c;
        }).catch((error: Error) => error.message),
      ),
    );
    expect(seen).toEqual([0, 1, 'undo the third', 2, 3]);
  });

  it('refuses work once closed with the in-thread client’s error', async () => {
    const closed = await Promise.all([open('worker'), open('main')]);
    await Promise.all(closed.map((database) => database.close()));
    const refusals = await Promise.all(
      closed.map(async (database) => [
        await database.db.execute(sql`select 1`).then(() => 'ran', (error: Error) => (error.cause as Error | undefined)?.message ?? error.message),
        await database.db.transaction(async (tx) => tx.execute(sql`select 1`)).then(() => 'ran', (error: Error) => (error.cause as Error | undefined)?.message ?? error.message),
      ]),
    );
    expect(refusals[0]).toEqual(refusals[1]);
    expect(refusals[0]).toEqual(['PGlite is closed', 'PGlite is closed']);
  });

  it('takes an online backup between transactions, and the copy opens with what was committed', async () => {
    await worker.db.execute(sql`create table backup_probe (n int)`);
    let committed = false;
    const open = worker.db.transaction(async (tx) => {
      await tx.execute(sql`insert into backup_probe values (1)`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      committed = true;
    });
    const dump = worker.dumpDataDir!().then((bytes) => ({ bytes, committed }));
    await open;
    const taken = await dump;
    expect(taken.committed).toBe(true); // the copy waited for the open transaction
    const copy = await openDatabase({ pgliteImage: taken.bytes, pgliteThread: 'worker' });
    try {
      const rows = (await copy.db.execute(sql`select n from backup_probe`)) as unknown as { rows: unknown[] };
      expect(rows.rows).toEqual([{ n: 1 }]);
    } finally {
      await copy.close();
    }
  });
});

describe.runIf(testDriver() === 'pglite')('the server on a PGlite worker', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await createTestRegistry({}, { pgliteThread: 'worker' });
  });
  afterAll(() => registry.close());

  it('answers /api/health while a heavy query runs', async () => {
    let queryDone = false;
    const heavy = registry.deps.db.execute(HEAVY).then(() => (queryDone = true));
    const health = await anonymous(registry.app).get('/api/health');
    expect(health.status).toBe(200);
    expect(queryDone).toBe(false);
    await heavy;
  });
});
