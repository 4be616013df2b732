/**
 * Import benchmark (issue 12): N victims with their cases (one victim per case) imported through the import job
 * (validation, then batched upserts: scope, checks, audit, change feed, matching) against COPY of the same rows
 * into the same tables (cases, persons, case_victims) with no checks (PGlite: a multi-row insert, see below). PostgreSQL when RETA_BENCH_DATABASE_URL is set,
 * else PGlite. Not a test: figures go to bench/RESULTS.md.
 *
 *   npm run bench -- --import --victims 1000
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Db } from '../src/db/connect';
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

type RawRow = { c: string; p: string; i: number };

/** COPY of the rows into cases, persons and case_victims, in one transaction, through psql (FROM STDIN). */
function copyWithPsql(url: string, rows: RawRow[], institutionId: string, unitId: string) {
  const lines = ['begin;', 'copy cases (id, code, external_id, registered_by_institution_id, institution_id, unit_id, department_code, source, reported_on, acts, purposes) from stdin;'];
  for (const r of rows) lines.push([r.c, `RAW-${r.i}`, `R-${r.i}`, institutionId, institutionId, unitId, '15', 'complaint', '2026-01-10', '{recruitment}', '{forced_labour}'].join('\t'));
  lines.push('\\.', 'copy persons (id, external_id, created_by_institution_id, sex) from stdin;');
  for (const r of rows) lines.push([r.p, `RV-${r.i}`, institutionId, r.i % 2 ? 'male' : 'female'].join('\t'));
  lines.push('\\.', 'copy case_victims (case_id, person_id, age_years) from stdin;');
  for (const r of rows) lines.push([r.c, r.p, String(15 + (r.i % 30))].join('\t'));
  lines.push('\\.', 'commit;');
  const out = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url], { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`psql COPY failed: ${out.stderr}`);
}

async function multiRowInsert(db: Db, all: RawRow[], institutionId: string, unitId: string) {
  await db.transaction(async (tx) => {
    const exec = (q: string) => tx.execute(q as never);
    for (let start = 0; start < all.length; start += 1000) {
      const rows = all.slice(start, start + 1000);
      await exec(`insert into cases (id, code, external_id, registered_by_institution_id, institution_id, unit_id, department_code, source, reported_on, acts, purposes) values ${rows.map((r) => `('${r.c}', 'RAW-${r.i}', 'R-${r.i}', '${institutionId}', '${institutionId}', '${unitId}', '15', 'complaint', '2026-01-10', '{recruitment}', '{forced_labour}')`).join(',')}`);
      await exec(`insert into persons (id, external_id, created_by_institution_id, sex) values ${rows.map((r) => `('${r.p}', 'RV-${r.i}', '${institutionId}', '${r.i % 2 ? 'male' : 'female'}')`).join(',')}`);
      await exec(`insert into case_victims (case_id, person_id, age_years) values ${rows.map((r) => `('${r.c}', '${r.p}', ${15 + (r.i % 30)})`).join(',')}`);
    }
  });
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

    // The baseline: the same rows into the same tables with no checks. PostgreSQL: real COPY (psql's COPY FROM
    // STDIN, one transaction; `pg` has no COPY without pg-copy-streams, which is not installed). PGlite: one
    // multi-row insert per 1,000 rows in one transaction (the stand-in: no COPY FROM STDIN through this client).
    const rows = Array.from({ length: n }, (_, i) => ({ c: randomUUID(), p: randomUUID(), i }));
    const t = performance.now();
    if (database.connectionUrl) copyWithPsql(database.connectionUrl, rows, institution.id, unit.id);
    else await multiRowInsert(deps.db, rows, institution.id, unit.id);
    const rawSeconds = (performance.now() - t) / 1000;
    const baseline = database.connectionUrl ? 'COPY' : 'multi-row insert';
    const line = `| ${kind} | ${n} | ${importSeconds.toFixed(1)} | ${(n / importSeconds).toFixed(1)} | ${rawSeconds.toFixed(2)} | ${(n / rawSeconds).toFixed(0)} | ${(rawSeconds / importSeconds).toFixed(4)} | ${baseline} |`;
    console.log('| database | victims (+ cases) | import s | import victims/s | raw s | raw victims/s | import ÷ raw | raw is |');
    console.log('|---|---|---|---|---|---|---|---|');
    console.log(line);
  });
}
