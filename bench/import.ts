/**
 * Import benchmark (issue 12): N victims with their cases (one victim per case) imported through the import job
 * (validation, then upserts through the case services: scope, audit, matching) against COPY of the same rows into
 * the same tables (cases, persons, case_victims) with no checks. PostgreSQL when RETA_BENCH_DATABASE_URL is set,
 * else PGlite. Not a test: figures go to bench/RESULTS.md.
 *
 *   npm run bench -- --import --victims 1000
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { users } from '../src/db/schema';
import { createAdminService } from '../src/server/admin/admin.service';
import { loadActor } from '../src/server/auth/actor';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { systemCtx, type Ctx } from '../src/server/context';
import { createImportJobHandler, type ImportResult } from '../src/server/imports/import.job';
import { createImportService, IMPORT_JOB } from '../src/server/imports/import.service';
import { createJobRunner } from '../src/server/jobs/job.runner';
import { withTarget } from './target';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};

function ndjson(n: number) {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(JSON.stringify({ entity: 'cases', externalId: `B-${i}`, source: 'complaint', reportedOn: '2026-01-10', acts: ['recruitment'], purposes: ['forced_labour'] }));
  }
  for (let i = 0; i < n; i++) lines.push(JSON.stringify({ entity: 'victims', externalId: `BV-${i}`, caseExternalId: `B-${i}`, sex: i % 2 ? 'male' : 'female', ageYears: 15 + (i % 30) }));
  return Buffer.from(lines.join('\n'));
}

export async function runImportBench() {
  const n = Number(flag('victims', '1000'));
  const url = process.env.RETA_BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const kind = url ? 'postgres' : 'pglite';
  await withTarget(kind, url, async (database) => {
    const config = { ...loadConfig({}), encryptionKey: Buffer.alloc(32, 3).toString('base64'), adminPassword: 'Bench-Password-2026', logLevel: 'silent', auditAnchorEveryMinutes: 0 };
    const { deps } = await prepareRegistry(config, database);
    const admin = createAdminService(deps);
    const sys = systemCtx('bench');
    const institution = await admin.createInstitution(sys, { code: 'BENCH-PNP', name: 'Bench police', kind: 'police' } as never);
    const unit = await admin.createUnit(sys, { institutionId: institution.id, code: 'BENCH-U', name: 'Bench unit', ubigeo: '15' } as never);
    const user = await admin.createUser(sys, {
      username: 'bench-import', displayName: 'Bench', institutionId: institution.id, unitId: unit.id, roles: ['registrar'],
      scope: { national: false, departments: ['15'] }, password: 'Bench-Password-2026-x', isServiceAccount: true,
    });
    await deps.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    const ctx: Ctx = { actor: (await loadActor(deps.db, user.id))!, requestId: 'bench', locale: 'en' };

    const file = ndjson(n);
    const started = performance.now();
    const job = await createImportService(deps, { maxBytes: 1024 * 1024 * 1024 }).start(ctx, file, { fileName: 'bench.ndjson' });
    await createJobRunner(deps, { [IMPORT_JOB]: createImportJobHandler(deps) }).drain();
    const importSeconds = (performance.now() - started) / 1000;
    const done = await createImportService(deps).get(ctx, job.id);
    const result = done.result as ImportResult;
    if (done.status !== 'done' || result.entities.victims?.created !== n) throw new Error(`import did not finish: ${JSON.stringify(done.error ?? result)}`);

    // COPY (PostgreSQL) or one multi-row insert per 1,000 (PGlite has no COPY FROM STDIN here) of the same rows.
    const t = performance.now();
    await deps.db.transaction(async (tx) => {
      const exec = (q: string) => tx.execute(q as never);
      for (let start = 0; start < n; start += 1000) {
        const rows = Array.from({ length: Math.min(1000, n - start) }, (_, k) => start + k).map((i) => ({ c: randomUUID(), p: randomUUID(), i }));
        await exec(`insert into cases (id, code, external_id, registered_by_institution_id, institution_id, unit_id, department_code, source, reported_on, acts, purposes) values ${rows.map((r) => `('${r.c}', 'RAW-${r.i}', 'R-${r.i}', '${institution.id}', '${institution.id}', '${unit.id}', '15', 'complaint', '2026-01-10', '{recruitment}', '{forced_labour}')`).join(',')}`);
        await exec(`insert into persons (id, external_id, created_by_institution_id, sex) values ${rows.map((r) => `('${r.p}', 'RV-${r.i}', '${institution.id}', '${r.i % 2 ? 'male' : 'female'}')`).join(',')}`);
        await exec(`insert into case_victims (case_id, person_id, age_years) values ${rows.map((r) => `('${r.c}', '${r.p}', ${15 + (r.i % 30)})`).join(',')}`);
      }
    });
    const rawSeconds = (performance.now() - t) / 1000;
    const line = `| ${kind} | ${n} | ${importSeconds.toFixed(1)} | ${(n / importSeconds).toFixed(1)} | ${rawSeconds.toFixed(2)} | ${(n / rawSeconds).toFixed(0)} | ${(rawSeconds / importSeconds).toFixed(4)} |`;
    console.log('| database | victims (+ cases) | import s | import victims/s | raw insert s | raw victims/s | import ÷ raw |');
    console.log('|---|---|---|---|---|---|---|');
    console.log(line);
  });
}
