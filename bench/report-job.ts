import { randomBytes } from 'node:crypto';
import { createAdminService } from '../src/server/admin/admin.service';
import { loadActor } from '../src/server/auth/actor';
import { systemCtx, type Ctx } from '../src/server/context';
import type { Deps } from '../src/server/deps';
import { createJobHandlers } from '../src/server/jobs/job.handlers';
import { createJobRunner } from '../src/server/jobs/job.runner';
import { createJobService } from '../src/server/jobs/job.service';
import { createReportJobKinds } from '../src/server/reports/report.jobs';

/**
 * The annual report as the web app now asks for it: a background job queued by a national analyst and run
 * by the server's job runner in the same process — the figures (≈70 statistics queries), the snapshot
 * frozen, and the PDF rendered. Returns the work to time: queue one job, run it to the end.
 */
export async function annualReportJob(deps: Deps, year = 2025): Promise<() => Promise<unknown>> {
  const admin = createAdminService(deps);
  const system = systemCtx('bench');
  const code = `BENCH${randomBytes(3).toString('hex').toUpperCase()}`;
  const institution = await admin.createInstitution(system, { code, name: `Bench ${code}`, kind: 'other' as never });
  const unit = await admin.createUnit(system, { institutionId: institution.id, code: `${code}U`, name: `Unit ${code}`, ubigeo: '15' });
  const user = await admin.createUser(system, {
    username: code.toLowerCase(), displayName: code, institutionId: institution.id, unitId: unit.id, roles: ['analyst'], scope: { national: true, departments: [] }, isServiceAccount: true,
  });
  const ctx: Ctx = { actor: (await loadActor(deps.db, user.id))!, requestId: 'bench', locale: 'es' };
  const jobs = createJobService(deps, createReportJobKinds(deps));
  const runner = createJobRunner(deps, createJobHandlers(deps));
  return async () => {
    const job = await jobs.start(ctx, { kind: 'report.annual', year, suppress: false, format: 'pdf' });
    if (!(await runner.runOnce())) throw new Error('the report job was not claimed');
    const done = await jobs.get(ctx, job.id);
    if (done.status !== 'done') throw new Error(`the report job ended ${done.status}: ${JSON.stringify(done.error)}`);
  };
}
