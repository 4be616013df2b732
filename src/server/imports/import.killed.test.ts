import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/factories';
import { createTestRegistry, testDriver, TEST_ADMIN_PASSWORD, TEST_AUDIT_KEY, TEST_ENCRYPTION_KEY, type TestRegistry } from '../../../test/registry';
import { auditLog, cases, jobs, persons } from '../../db/schema';
import { findJob } from '../jobs/job.repository';
import { createJobRunner } from '../jobs/job.runner';
import { createImportJobHandler, type ImportResult } from './import.job';
import { IMPORT_JOB } from './import.service';

const bin = join(import.meta.dirname, '../../../bin/reta.js');
const N = 400;

/**
 * Issue 12, "resumable after a crash or SIGKILL": `reta import` runs in a process of its own and is killed
 * with SIGKILL part-way through; a second `reta import` of the same file and the takeover of the orphaned job
 * leave every record once. Needs a database server two processes can share: PGlite has one owner per data
 * directory (its in-process equivalent is in import.test.ts).
 */
describe.runIf(testDriver() === 'postgres')('`reta import` killed with SIGKILL', () => {
  let registry: TestRegistry;
  afterAll(() => registry?.close());

  it('is resumed with no duplicate, and the same file again writes nothing', async () => {
    registry = await createTestRegistry();
    const { db } = registry.deps;
    const user = await makeUser(registry, { roles: ['registrar'] });
    const { rows } = (await db.execute(sql`select current_database() as name`)) as unknown as { rows: Array<{ name: string }> };
    const name = rows[0]!.name;
    const url = new URL(process.env.RETA_TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const dir = mkdtempSync(join(tmpdir(), 'reta-import-killed-'));
    const t = Math.random().toString(36).slice(2, 8);
    const lines = [
      ...Array.from({ length: N }, (_, i) => ({ entity: 'cases', id_externo: `K-${t}-${i}`, fuente: 'complaint', fecha_denuncia: '2026-01-15', conductas: 'recruitment', finalidades: 'forced_labour' })),
      ...Array.from({ length: N }, (_, i) => ({ entity: 'victims', id_externo: `KV-${t}-${i}`, id_externo_caso: `K-${t}-${i}`, sexo: 'female', edad: 15 + (i % 20) })),
    ];
    const file = join(dir, 'registro.ndjson');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const env = {
      ...inherited, DATABASE_URL: url.toString(), RETA_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, RETA_AUDIT_KEY: TEST_AUDIT_KEY, RETA_AUDIT_ANCHOR_EVERY: '0',
      RETA_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, RETA_KEY_FILE: join(dir, 'key'), RETA_AUDIT_KEY_FILE: join(dir, 'audit.key'), RETA_JOBS: '0',
    };
    const reta = (onOutput?: (out: string) => void) => {
      const child = spawn(process.execPath, [bin, 'import', file, '--user', user.username, '--lang', 'en'], { cwd: dir, env });
      let out = '';
      const take = (chunk: Buffer) => {
        out += chunk;
        onOutput?.(out);
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      return { child, exit, output: () => out };
    };
    const ownCases = async () => Number((await db.select({ n: count() }).from(cases).where(and(eq(cases.registeredByInstitutionId, user.institutionId), sql`${cases.externalId} like ${`K-${t}-%`}`)))[0]!.n);

    // 1. The first run is killed once it has written part of the file.
    let jobId: string | undefined;
    const first = reta((out) => (jobId ??= out.match(/import job ([0-9a-f-]{36}) queued/)?.[1]));
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 240_000;
      const poll = setInterval(async () => {
        if (Date.now() > deadline) return (clearInterval(poll), reject(new Error(`no progress: ${first.output()}`)));
        const job = jobId ? await findJob(db, jobId) : undefined;
        if (Number((job?.progress as { processed?: number } | undefined)?.processed ?? 0) >= 50) {
          clearInterval(poll);
          resolve();
        }
      }, 100);
    });
    first.child.kill('SIGKILL');
    expect((await first.exit).signal).toBe('SIGKILL');
    const partial = await ownCases();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(N);
    expect((await findJob(db, jobId!))!.status).toBe('running');

    // 2. The same file again, from another process: what the killed run wrote is unchanged, the rest created.
    const second = reta();
    const done = await second.exit;
    expect(done.code, second.output()).toBe(0);
    const casesLine = second.output().match(/cases: (\d+) created, (\d+) updated, (\d+) unchanged, (\d+) conflicts, (\d+) refused/);
    expect(casesLine?.slice(1).map(Number), second.output()).toEqual([N - partial, 0, partial, 0, 0]);
    expect(await ownCases()).toBe(N);

    // 3. The orphaned job is taken over once its heartbeat is stale: the whole file is already in, nothing is written.
    await db.update(jobs).set({ heartbeatAt: new Date(Date.now() - 120_000) }).where(eq(jobs.id, jobId!));
    expect(await createJobRunner(registry.deps, { [IMPORT_JOB]: createImportJobHandler(registry.deps) }, { staleSeconds: 60 }).drain()).toBe(1);
    const orphan = (await findJob(db, jobId!))!;
    expect(orphan.status).toBe('done');
    const result = orphan.result as unknown as ImportResult;
    expect(result.entities.cases).toEqual({ created: 0, updated: 0, unchanged: N, conflict: 0, refused: 0 });
    expect(result.entities.victims).toEqual({ created: 0, updated: 0, unchanged: N, conflict: 0, refused: 0 });
    expect(await ownCases()).toBe(N);
    const people = await db.select({ n: count() }).from(persons).where(and(eq(persons.createdByInstitutionId, user.institutionId), sql`${persons.externalId} like ${`KV-${t}-%`}`));
    expect(Number(people[0]!.n)).toBe(N);
    // Audited as one import per finished job, with the file hash.
    const runs = await db.select().from(auditLog).where(eq(auditLog.action, 'import.run'));
    expect(runs.filter((r) => (r.details as { fileHash: string }).fileHash === result.fileHash)).toHaveLength(2);
  }, 600_000);
});
