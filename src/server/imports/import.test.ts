import { randomBytes } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { loadActor } from '../auth/actor';
import { auditLog, cases, caseVictims, jobs, persons } from '../../db/schema';
import type { Ctx } from '../context';
import { createCaseService } from '../cases/case.service';
import { claimJob } from '../jobs/job.repository';
import { createJobRunner, JobStopped } from '../jobs/job.runner';
import { createImportJobHandler, type ImportResult } from './import.job';
import { createImportService, IMPORT_JOB } from './import.service';
import { caseHeaders, caseRow, placeHeaders, victimHeaders, victimRow, workbook } from './import.test-helpers';

/** Issue 12, "Bulk import": the same workbook twice, a changed one, a run killed mid-way, a dry run with planted errors. */
let registry: TestRegistry;
let registrar: MadeUser;
let ctx: Ctx;
beforeAll(async () => {
  registry = await createTestRegistry();
  registrar = await makeUser(registry, { roles: ['registrar'] });
  ctx = { actor: (await loadActor(registry.deps.db, registrar.id))!, requestId: 'test', locale: 'en' };
});
afterAll(() => registry.close());

const tag = () => randomBytes(3).toString('hex');
const service = () => createImportService(registry.deps);
const runner = (staleSeconds = 60) => createJobRunner(registry.deps, { [IMPORT_JOB]: createImportJobHandler(registry.deps) }, { staleSeconds, heartbeatMs: 50 });

async function runImport(file: Buffer, fileName = 'registro.xlsx') {
  const job = await service().start(ctx, file, { fileName });
  await runner().drain();
  const done = await service().get(ctx, job.id);
  return done;
}

const casesOf = async (prefix: string) =>
  Number((await registry.deps.db.select({ n: count() }).from(cases).where(and(eq(cases.registeredByInstitutionId, registrar.institutionId), eq(cases.externalId, prefix)))).at(0)!.n);
const countCases = async (ids: string[]) => (await Promise.all(ids.map(casesOf))).reduce((a, b) => a + b, 0);

function book(t: string, n: number, overrides: Record<number, { purposes?: string }> = {}) {
  const ids = Array.from({ length: n }, (_, i) => `C-${t}-${i}`);
  return {
    ids,
    file: () =>
      workbook({
        casos: [caseHeaders, ...ids.map((id, i) => caseRow(id, overrides[i]))],
        lugares: [placeHeaders, ...ids.slice(0, 3).map((id) => [id, 'exploitation', '15', ''])],
        victimas: [victimHeaders, ...ids.map((id, i) => victimRow(`V-${t}-${i}`, id, 14 + (i % 10)))],
      }),
  };
}

describe('import jobs', () => {
  it('the same workbook twice: the second run is all unchanged, nothing is written twice', async () => {
    const t = tag();
    const { ids, file } = book(t, 6);
    const first = await runImport(await file());
    expect(first.status, JSON.stringify(first.error)).toBe('done');
    const r1 = first.result as ImportResult;
    expect(r1.entities.cases).toEqual({ created: 6, updated: 0, unchanged: 0, conflict: 0, refused: 0 });
    expect(r1.entities.victims).toEqual({ created: 6, updated: 0, unchanged: 0, conflict: 0, refused: 0 });
    const second = await runImport(await file());
    const r2 = second.result as ImportResult;
    expect(r2.entities.cases).toEqual({ created: 0, updated: 0, unchanged: 6, conflict: 0, refused: 0 });
    expect(r2.entities.victims).toEqual({ created: 0, updated: 0, unchanged: 6, conflict: 0, refused: 0 });
    expect(await countCases(ids)).toBe(6);
    // Audited as one import each, with the file hash.
    const runs = await registry.deps.db.select().from(auditLog).where(eq(auditLog.action, 'import.run'));
    // (Two builds of the workbook in the same second are the same bytes, so the runs are told apart by job.)
    for (const [job, result] of [[first, r1], [second, r2]] as const) {
      expect(runs.filter((r) => r.entityId === job.id).map((r) => (r.details as { fileHash: string }).fileHash)).toEqual([result.fileHash]);
    }
    // The case with places got them.
    const [withPlaces] = await registry.deps.db.select().from(cases).where(eq(cases.externalId, ids[0]!));
    const view = await createCaseService(registry.deps).get(ctx, withPlaces!.id);
    expect(view.places.map((p) => p.ubigeo)).toEqual(['15']);
    expect(view.victims).toHaveLength(1);
  });

  it('a changed workbook: changed rows update, a record edited in RETA since is reported as a conflict and kept', async () => {
    const t = tag();
    const { ids, file } = book(t, 4);
    await runImport(await file());
    // Someone edits case 1 in RETA after the import.
    const [row] = await registry.deps.db.select().from(cases).where(eq(cases.externalId, ids[1]!));
    await createCaseService(registry.deps).update(ctx, row!.id, { version: row!.version, initialLegalQualification: 'art. 153' });
    const changed = book(t, 4, { 0: { purposes: 'sexual_exploitation' }, 1: { purposes: 'forced_begging' } });
    const done = await runImport(await changed.file());
    const r = done.result as ImportResult;
    expect(r.entities.cases).toEqual({ created: 0, updated: 1, unchanged: 2, conflict: 1, refused: 0 });
    expect(r.conflicts.map((c) => c.externalId)).toEqual([ids[1]]);
    const [kept] = await registry.deps.db.select().from(cases).where(eq(cases.externalId, ids[1]!));
    expect(kept!.purposes).toEqual(['forced_labour']);
    expect(kept!.initialLegalQualification).toBe('art. 153');
    const [updated] = await registry.deps.db.select().from(cases).where(eq(cases.externalId, ids[0]!));
    expect(updated!.purposes).toEqual(['sexual_exploitation']);
  });

  it('a run killed mid-way is resumed by another worker, with no duplicate', async () => {
    const t = tag();
    const { ids, file } = book(t, 40);
    const job = await service().start(ctx, await file(), { fileName: 'registro.xlsx' });
    // A worker claims it and dies after its first progress report inside the import (the process is gone:
    // the job stays `running` with a heartbeat that will go stale).
    const claimed = (await claimJob(registry.deps.db, [IMPORT_JOB], 'dead-worker', 60))!;
    expect(claimed.id).toBe(job.id);
    let reports = 0;
    const killed = createImportJobHandler(registry.deps)(claimed, {
      progress: async (p) => {
        if (p.phase === 'importing' && ++reports === 1) throw new JobStopped('lost');
      },
      checkpoint: async () => undefined,
    });
    await expect(killed).rejects.toBeInstanceOf(JobStopped);
    const partial = await countCases(ids);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(40);
    // Another worker takes the orphan over (stale heartbeat) and runs it from the start.
    await registry.deps.db.update(jobs).set({ heartbeatAt: new Date(Date.now() - 120_000) }).where(eq(jobs.id, job.id));
    expect(await runner(60).drain()).toBe(1);
    const done = await service().get(ctx, job.id);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(done.attempts).toBe(2);
    const r = done.result as ImportResult;
    expect(r.entities.cases!.created + r.entities.cases!.unchanged).toBe(40);
    expect(r.entities.cases!.unchanged).toBe(partial);
    expect(await countCases(ids)).toBe(40);
    const victims = await registry.deps.db.select({ n: count() }).from(caseVictims).innerJoin(persons, eq(persons.id, caseVictims.personId)).where(eq(persons.createdByInstitutionId, registrar.institutionId));
    expect(Number(victims[0]!.n)).toBeGreaterThanOrEqual(40);
  });
});

describe('dry run', () => {
  it('a file with planted errors lists exactly those rows and columns, and writes nothing', async () => {
    const t = tag();
    const good = Array.from({ length: 30 }, (_, i) => caseRow(`D-${t}-${i}`));
    const planted: Record<number, unknown[]> = {
      3: [`D-${t}-3`, 'complaint', '2026-02-30', 'recruitment', 'forced_labour', 'no'], // impossible date
      7: [`D-${t}-7`, 'rumour', '2026-01-01', 'recruitment', 'forced_labour', 'no'], // not a source
      11: [`D-${t}-11`, 'complaint', '2026-01-01', 'recruitment', 'forced_labour', 'maybe'], // not yes/no
      12: [`D-${t}-11`, 'complaint', '2026-01-01', 'recruitment', 'forced_labour', 'no'], // duplicated id (row 13 of the sheet)
      20: [`D-${t}-20`, 'complaint', { formula: 'TODAY()' }, 'recruitment', 'forced_labour', 'no'], // a formula
    };
    const rows = good.map((r, i) => planted[i] ?? r);
    const file = await workbook({
      casos: [caseHeaders, ...rows],
      lugares: [placeHeaders, [`D-${t}-0`, 'exploitation', '159999', ''], [`D-${t}-1`, 'transit', '', 'XXX']],
      victimas: [victimHeaders, victimRow(`DV-${t}-0`, `D-${t}-0`), victimRow(`DV-${t}-1`, `NOPE-${t}`)],
    });
    const before = await countCases(good.map((r) => String(r[0])));
    const report = await service().dryRun(ctx, file, { fileName: 'x.xlsx' });
    const where = report.errors.map((e) => `${e.sheet}:${e.line}:${e.column}`);
    expect(where).toEqual([
      'casos:5:fecha_denuncia', 'casos:9:fuente', 'casos:13:internacional', 'casos:14:id_externo', 'casos:22:fecha_denuncia',
      'lugares:2:ubigeo', 'lugares:3:pais', 'victimas:3:id_externo_caso',
    ]);
    expect(report.badRows).toBe(8);
    expect(report.rows).toBe(34);
    expect(report.errors[3]!.message).toBe('This id already appears on row 13 of the file.');
    expect(report.errors[4]!.message).toMatch(/formula/);
    expect(await countCases(good.map((r) => String(r[0])))).toBe(before);
  });
});
