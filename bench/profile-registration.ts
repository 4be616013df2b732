/**
 * Profiling helper for issue 11: registers `--cases` cases through the HTTP API at `--concurrency` on a fresh
 * PostgreSQL database (RETA_BENCH_DATABASE_URL), nothing else, so a CPU profile of this process shows only
 * the registration path (server and client):
 *
 *   RETA_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-registration.ts --cases 300
 *   npx tsx bench/profile-summary.ts /tmp/prof/<file>.cpuprofile
 */
import pg from 'pg';
import { caseBody, pool, startRegistrationServer } from './registration';
import { withTarget } from './target';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};

const total = Number(flag('cases', '300'));
const concurrency = Number(flag('concurrency', '8'));
const url = process.env.RETA_BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (!url) throw new Error('RETA_BENCH_DATABASE_URL is required');

await withTarget('postgres', url, async (database) => {
  const { base, headers, close } = await startRegistrationServer(database);
  try {
    if (process.argv.includes('--statements')) {
      // Prints the statements of one registration (after a warm-up one).
      const seen: string[] = [];
      const original = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const first = args[0] as string | { text: string };
        seen.push(typeof first === 'string' ? first : first.text);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      for (const i of [900_001, 900_002]) {
        seen.length = 0;
        const response = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers, body: JSON.stringify(caseBody(i)) });
        await response.arrayBuffer();
        await new Promise((r) => setTimeout(r, 500));
      }
      console.log(`${seen.length} statements:\n${seen.map((s) => `  ${s.slice(0, 200).replace(/\s+/g, ' ')}`).join('\n')}`);
      pg.Client.prototype.query = original;
    }
    const cpu0 = process.cpuUsage();
    const run = await pool(total, concurrency, async (i) => {
      const response = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers, body: JSON.stringify(caseBody(i)) });
      if (response.status !== 201) throw new Error(`registration answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    });
    const cpu = process.cpuUsage(cpu0);
    console.log(`${total} cases at ${concurrency}: ${(total / run.seconds).toFixed(1)}/s, Node CPU ${((cpu.user + cpu.system) / 1000 / total).toFixed(1)} ms per case`);
  } finally {
    await close();
  }
}, 10);
