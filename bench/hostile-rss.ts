/**
 * Server memory after hostile input (issue 11: "RSS reached 1.7 GB after the fuzz"; target < 600 MB). Starts a
 * real `reta serve` process (PGlite in a temporary directory, or PostgreSQL with --database-url), signs in as a
 * user holding every role, and sends every write route of the server's OpenAPI document the heaviest hostile
 * bodies it accepts to parse — 5 MB bodies, 20,000-item arrays, 100,000-character strings, 100,000 levels of
 * nesting, NUL and lone surrogates, wrong content types — at concurrency 8. Prints the server's resident memory
 * (VmRSS) before, right after, and after 10 s idle, and its peak (VmHWM), with the 5xx count (must be 0).
 * Not a test: the figure goes to bench/RESULTS.md.
 *
 *   npx tsx bench/hostile-rss.ts                       # PGlite, 3 rounds
 *   npx tsx bench/hostile-rss.ts --rounds 5 --database-url postgres://postgres@127.0.0.1:5432/reta_rss
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { roles } from '../src/core/permissions';

const flag = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const rounds = Number(flag('rounds', '3'));
const concurrency = Number(flag('concurrency', '8'));
const databaseUrl = flag('database-url');
const port = 40_000 + Math.floor(Math.random() * 20_000);
const dir = mkdtempSync(join(tmpdir(), 'reta-rss-'));
const password = 'Bench-Hostile-Password-2026';
const env = {
  ...process.env, RETA_DATA_DIR: join(dir, 'data'), RETA_KEY_FILE: join(dir, 'reta.key'), RETA_AUDIT_KEY_FILE: join(dir, 'audit.key'),
  RETA_AUDIT_ANCHOR_DIR: join(dir, 'anchors'), RETA_BACKUP_DIR: join(dir, 'backups'), RETA_PORT: String(port), RETA_HOST: '127.0.0.1',
  RETA_ADMIN_PASSWORD: password, RETA_2FA_ROLES: '', RETA_LOG_LEVEL: 'warn', RETA_JOBS: '0', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
};
const base = `http://127.0.0.1:${port}`;
const mb = (kb: number) => Math.round(kb / 1024);

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const made = spawnSync(process.execPath, ['bin/reta.js', 'user', 'create', '--username', 'fuzzer', '--institution', 'RETA', '--roles', roles.join(','), '--password', password], { env, encoding: 'utf8' });
if (made.status !== 0) throw new Error(`user create failed: ${made.stdout}${made.stderr}`);
const server = spawn(process.execPath, ['bin/reta.js', 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });

try {
  for (let i = 0; ; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 600) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  const signIn = async (secret: string) => {
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fuzzer', password: secret }) });
    const body = (await login.json()) as { csrfToken: string; user?: { mustChangePassword?: boolean }; mustChangePassword?: boolean };
    return { mustChange: body.mustChangePassword ?? body.user?.mustChangePassword, headers: { cookie: String(login.headers.get('set-cookie')).split(';')[0]!, 'x-csrf-token': body.csrfToken } };
  };
  let session = await signIn(password);
  if (session.mustChange) {
    // A first password set by the CLI must be changed before anything else is allowed.
    const changed = await fetch(`${base}/api/v1/auth/password`, { method: 'POST', headers: { ...session.headers, 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword: password, newPassword: `${password}-2` }) });
    if (!changed.ok) throw new Error(`password change failed: ${changed.status} ${await changed.text()}`);
    session = await signIn(`${password}-2`);
  }
  const auth = session.headers;
  const probe = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
  if (probe.status !== 400) throw new Error(`the fuzzer does not reach validation: ${probe.status} ${await probe.text()}`);
  const doc = (await (await fetch(`${base}/api/docs/json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).filter((m) => ['post', 'put', 'patch', 'delete'].includes(m) && !path.includes('/auth/') && !path.includes('/demo/') && !path.includes('/backups'))
      .map((m) => ({ method: m.toUpperCase(), url: path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-0000000000aa') })));

  const big = (n: number, item: unknown) => JSON.stringify({ victims: Array(n).fill(item), acts: Array(n).fill('recruitment'), name: 'a'.repeat(100_000) });
  const bodies: Array<[string, string]> = [
    ['application/json', big(20_000, { person: { sex: 'female', nationalities: Array(50).fill('PER') } })], // ~5 MB: just under the limit
    ['application/json', big(200, { person: { sex: 'female' } })],
    ['application/json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['application/json', JSON.stringify({ name: 'Rosa\u0000Quispe', narrative: 'x\uD800y', items: Array(20_000).fill('ZZZ'), version: 2 ** 31, reportedOn: '0000-01-01' })],
    ['application/json', 'x'.repeat(6 * 1024 * 1024)], // over the body limit: 413
    ['text/plain', 'a'.repeat(1_000_000)],
    ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${'a,b\n'.repeat(200_000)}`],
  ];
  const work = Array.from({ length: rounds }, () => routes.flatMap((r) => bodies.map(([type, body]) => ({ ...r, type, body })))).flat();
  const before = memory(server.pid!);
  const statuses = new Map<number, number>();
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < work.length) {
      const w = work[next++]!;
      const status = await fetch(`${base}${w.url}`, { method: w.method, headers: { ...auth, 'content-type': w.type }, body: w.body }).then(async (r) => (await r.arrayBuffer(), r.status), () => 0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const after = memory(server.pid!);
  await new Promise((r) => setTimeout(r, 10_000));
  const idle = memory(server.pid!);
  const errors = [...statuses].filter(([s]) => s >= 500 || s === 0).reduce((n, [, c]) => n + c, 0);
  console.log(`hostile-rss ${databaseUrl ? 'postgres' : 'pglite'}: ${work.length} hostile requests to ${routes.length} write routes in ${seconds.toFixed(0)} s (concurrency ${concurrency}); 5xx or no answer: ${errors}`);
  console.log(`  statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(`  server RSS: before ${mb(before.rss)} MB, right after ${mb(after.rss)} MB, after 10 s idle ${mb(idle.rss)} MB; peak ${mb(idle.peak)} MB (target < 600 MB)`);
  console.log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
