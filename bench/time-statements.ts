/**
 * Round-trip time of each statement of a registration through the HTTP API (issue 11): 10 warm-up cases, then
 * 60 at concurrency 1 on a fresh PostgreSQL database, each pg query timed from send to answer (server time,
 * network and the event loop's delay), summed per statement text and divided by the cases:
 *
 *   RETA_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/time-statements.ts
 */
import pg from 'pg';
import { caseBody, startRegistrationServer } from './registration';
import { withTarget } from './target';
const url = process.env.RETA_BENCH_DATABASE_URL!;
await withTarget('postgres', url, async (database) => {
  const { base, headers, close } = await startRegistrationServer(database);
  try {
    for (let i = 0; i < 10; i++) { const r = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers, body: JSON.stringify(caseBody(800000 + i)) }); await r.arrayBuffer(); }
    const sums = new Map<string, { n: number; ms: number }>();
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text: string };
      const text = (typeof first === 'string' ? first : first.text).replace(/\s+/g, ' ').slice(0, 60);
      const t0 = performance.now();
      const out = (original as (...a: unknown[]) => unknown).apply(this, args) as Promise<unknown>;
      if (out && typeof (out as Promise<unknown>).then === 'function') void out.then(() => { const s = sums.get(text) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t0; sums.set(text, s); }, () => undefined);
      return out;
    } as typeof original;
    const N = 60;
    const t0 = performance.now();
    for (let i = 0; i < N; i++) { const r = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers, body: JSON.stringify(caseBody(i)) }); await r.arrayBuffer(); }
    const wall = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1000));
    pg.Client.prototype.query = original;
    let total = 0;
    for (const [k, s] of [...sums.entries()].sort((a, b) => b[1].ms - a[1].ms)) { total += s.ms; console.log(`${(s.ms / N).toFixed(2).padStart(7)} ms/case  ${(s.n / N).toFixed(1)}×  ${k}`); }
    console.log(`sum of statement round trips ${(total / N).toFixed(1)} ms per case; wall ${(wall / N).toFixed(1)} ms per case at concurrency 1`);
  } finally { await close(); }
}, 10);
