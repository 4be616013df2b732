import type { JobKind } from '../../contracts/jobs';
import type { Permission } from '../../core/permissions';
import { isSystemActor, type Actor } from '../context';

/**
 * Who starts which background job: the permissions of the synchronous route that builds the same file
 * (report.routes.ts). `all` are required together; of `any`, one is enough.
 */
const startRules: Record<JobKind, { all: Permission[]; any?: Permission[] }> = {
  'report.annual': { all: ['report.manage', 'export.create'] },
  'report.annual_file': { all: ['export.create'], any: ['report.manage', 'stats.read'] },
  'export.table': { all: ['export.create', 'stats.read'] },
  'export.glotip': { all: ['export.create', 'stats.read'] },
  'export.ctdc': { all: ['export.create', 'stats.read'] },
  // Case-level records: exact-figure readers only (htcds.export.ts).
  'export.htcds': { all: ['export.create', 'stats.exact'] },
};

export function mayStartJob(actor: Actor, kind: JobKind): boolean {
  if (isSystemActor(actor)) return true;
  const rule = startRules[kind];
  return rule.all.every((p) => actor.permissions.has(p)) && (!rule.any || rule.any.some((p) => actor.permissions.has(p)));
}

/**
 * Who sees a job, its progress and its file: the person who asked for it, and no one else — the file was
 * built in that person's scope (their region, their exact or protected figures), so it is theirs alone,
 * whatever another reader's role. The system (CLI, tests) sees every job.
 */
export function mayReadJob(actor: Actor, job: { createdBy: string | null }): boolean {
  if (isSystemActor(actor)) return true;
  return job.createdBy !== null && job.createdBy === actor.userId;
}
