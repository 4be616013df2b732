import type { DemoStatusView } from '../../contracts/demo';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { conflict, ruleRefused } from '../errors/app-error';
import { demoResetJob, startDemoResetJob } from './demo.job';
import { readDemoMarker } from './marker';
import { regenerateDemoData } from './reset';

/** Training mode from the web app: what the demo database is, and resetting it to freshly generated data. */
export function createDemoService(deps: Deps, log: (error: unknown) => void) {
  async function status(): Promise<DemoStatusView> {
    const marker = await readDemoMarker(deps.db);
    const job = demoResetJob(deps);
    return {
      demoDatabase: marker !== undefined,
      generation: marker?.state ?? null,
      seed: marker?.seed ?? null,
      victims: marker?.victims ?? null,
      asOf: marker?.asOf || null,
      asOfFixed: Boolean(marker?.asOfOption),
      reset: { ...job, startedAt: job.startedAt?.toISOString() ?? null, finishedAt: job.finishedAt?.toISOString() ?? null },
    };
  }

  /**
   * Regenerates the training data with the options it was made with (seed, victims, and the --as-of day
   * if one was given), keeping accounts, passwords and sessions. Refused unless the database is a demo
   * database. Audited when accepted; the work goes on in the background (see `status`).
   */
  async function reset(ctx: Ctx): Promise<DemoStatusView> {
    const marker = await readDemoMarker(deps.db);
    if (!marker) throw ruleRefused('demo.not_demo_database');
    if (demoResetJob(deps).state === 'running') throw conflict('demo.reset_running');
    const options = { seed: marker.seed, victims: marker.victims, asOf: marker.asOfOption ? new Date(`${marker.asOfOption}T00:00:00Z`) : undefined };
    await deps.db.transaction((tx) =>
      writeAudit(tx, ctx, { action: 'demo.reset', details: { seed: options.seed, victims: options.victims, asOf: marker.asOfOption, interruptedBefore: marker.state !== 'complete' } }),
    );
    const started = startDemoResetJob(deps, options.victims, (onProgress) => regenerateDemoData(deps, { ...options, onProgress }), log);
    if (!started) throw conflict('demo.reset_running');
    return status();
  }

  return { status, reset };
}
