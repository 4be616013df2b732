/**
 * What does a statement cost on PGlite's worker thread compared with PGlite on the main thread? (issue 11)
 *
 *   npx tsx bench/pglite-roundtrip.ts [--rounds 2000] [--repeat 3]
 *
 * One in-memory database per setup (a fresh initdb, a small table of 1,000 rows). For each of PGlite on
 * the main thread and on the worker thread (src/db/pglite.proxy.ts), through drizzle as the services use
 * it, one after another unless said:
 *   - a one-row query (`select $1::int`): the per-statement cost;
 *   - the same, 2,000 sent at once (pipelined);
 *   - a transaction of 5 statements (begin, 3 selects, 1 update, commit);
 *   - 1,000 rows of 4 columns read (transfer of a mid-size result);
 * and what a test file pays first, opening a database from a dumped image (and closing it), and, as the
 * floor under any proxy, a bare postMessage echo to a worker thread. Each figure is the best
 * of --repeat interleaved runs (the machine is shared: the best is the least disturbed), as wall-clock time
 * and as CPU time of the whole process (all threads: the work done whatever the load). Prints a Markdown table and
 * the load average.
 */
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type PgliteThread } from '../src/db/connect';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return Number(i >= 0 ? process.argv[i + 1] : fallback);
};
const rounds = flag('rounds', '2000');
const repeat = flag('repeat', '3');
const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

interface Cost {
  /** Wall-clock µs per operation: what a caller waits, scheduler waits included. */
  wall: number;
  /** CPU µs per operation, all of the process's threads: the work done, whatever the load. */
  cpu: number;
}

/** Cost per operation of one run of `count` operations. */
async function timed(count: number, run: () => Promise<unknown>): Promise<Cost> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: ((performance.now() - started) * 1000) / count, cpu: (used.user + used.system) / count };
}
const better = (a: Cost | undefined, b: Cost): Cost => (!a || b.wall < a.wall ? b : a);

/** The floor: a message to a worker thread and its answer, nothing else. */
async function echoFloor(): Promise<Cost> {
  const worker = new Worker("import { parentPort } from 'node:worker_threads'; parentPort.on('message', (m) => parentPort.postMessage(m));", { eval: true });
  const ask = (value: unknown) => new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage(value);
  });
  await ask(0);
  let cost: Cost | undefined;
  for (let r = 0; r < repeat; r++) {
    cost = better(cost, await timed(rounds, async () => {
      for (let i = 0; i < rounds; i++) await ask({ id: i, op: 'query', sql: 'select $1::int as i', params: [i] });
    }));
  }
  await worker.terminate();
  return cost!;
}

const cases = ['one-row query', '2,000 at once (each)', 'transaction of 4 statements', '1,000 rows × 4 columns'] as const;
type Case = (typeof cases)[number];

async function open(thread: PgliteThread): Promise<Database> {
  const database = await openDatabase({ pgliteMemory: true, pgliteThread: thread });
  const { db } = database;
  await db.execute(sql`create table t (id int primary key, label text, at timestamptz, n numeric)`);
  await db.execute(sql`insert into t select g, md5(g::text), now(), g * 1.5 from generate_series(1, 1000) g`);
  for (let i = 0; i < 200; i++) await db.execute(sql`select ${i}::int as i`); // warm-up (JIT, caches)
  return database;
}

/** One run of each case on `database`. */
async function runCases({ db }: Database): Promise<Record<Case, Cost>> {
  const txs = Math.max(50, rounds / 10);
  const reads = Math.max(20, rounds / 50);
  return {
    'one-row query': await timed(rounds, async () => {
      for (let i = 0; i < rounds; i++) await db.execute(sql`select ${i}::int as i`);
    }),
    '2,000 at once (each)': await timed(rounds, () => Promise.all(Array.from({ length: rounds }, (_, i) => db.execute(sql`select ${i}::int as i`)))),
    'transaction of 4 statements': await timed(txs, async () => {
      for (let i = 0; i < txs; i++) {
        await db.transaction(async (tx) => {
          await tx.execute(sql`select label from t where id = ${(i % 1000) + 1}`);
          await tx.execute(sql`select count(*) from t where id < ${i % 1000}`);
          await tx.execute(sql`update t set n = n + 1 where id = ${(i % 1000) + 1}`);
          await tx.execute(sql`select n from t where id = ${(i % 1000) + 1}`);
        });
      }
    }),
    '1,000 rows × 4 columns': await timed(reads, async () => {
      for (let i = 0; i < reads; i++) await db.execute(sql`select id, label, at, n from t`);
    }),
  };
}

const loadBefore = load();
const floor = await echoFloor();
const threads = ['main', 'worker'] as const;
const databases = { main: await open('main'), worker: await open('worker') };
const results: Record<PgliteThread, Partial<Record<Case, Cost>>> = { main: {}, worker: {} };
const opening: Partial<Record<PgliteThread, Cost>> = {};
try {
  // What each test file pays first: a database loaded from a dumped image (as test/registry.ts does), then closed.
  const image = await databases.main.dumpDataDir!();
  for (let r = 0; r < repeat; r++) {
    for (const thread of threads) {
      opening[thread] = better(opening[thread], await timed(1, async () => (await openDatabase({ pgliteImage: image, pgliteThread: thread })).close()));
    }
  }
  // Interleaved (main, worker, main, worker…) so that a burst of load elsewhere falls on both alike.
  for (let r = 0; r < repeat; r++) {
    for (const thread of threads) {
      const run = await runCases(databases[thread]);
      for (const c of cases) results[thread][c] = better(results[thread][c], run[c]);
    }
  }
} finally {
  await Promise.all(threads.map((thread) => databases[thread].close()));
}
const f = (us: number) => (us < 100 ? us.toFixed(1) : us.toFixed(0));
console.log(`\n## PGlite statement cost, best of ${repeat} interleaved runs × ${rounds}; load average ${loadBefore} before, ${load()} after\n`);
console.log(`| setup | ${cases.map((c) => `${c} µs wall / CPU`).join(' | ')} |\n|---|${cases.map(() => '---|').join('')}`);
for (const thread of threads) console.log(`| pglite (${thread} thread) | ${cases.map((c) => `${f(results[thread][c]!.wall)} / ${f(results[thread][c]!.cpu)}`).join(' | ')} |`);
const ratio = (c: Case, k: keyof Cost) => (results.worker[c]![k] / results.main[c]![k]).toFixed(2);
console.log(`| worker ÷ main | ${cases.map((c) => `${ratio(c, 'wall')}× / ${ratio(c, 'cpu')}×`).join(' | ')} |`);
console.log(`\nOpening a database from a dumped image and closing it: ${threads.map((t) => `${t} thread ${f(opening[t]!.wall / 1000)} ms wall / ${f(opening[t]!.cpu / 1000)} ms CPU`).join(', ')}.`);
console.log(`Bare postMessage echo to a worker thread (the floor of any proxy): ${f(floor.wall)} µs wall / ${f(floor.cpu)} µs CPU per round trip.`);
