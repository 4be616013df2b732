import type { Deps } from '../deps';
import { createImportJobHandler } from '../imports/import.job';
import { IMPORT_JOB } from '../imports/import.service';
import { createReportJobKinds, reportJobHandlers } from '../reports/report.jobs';
import type { JobHandler } from './job.runner';

/** Every kind of background job a server runs: imports, the annual report and the exports. */
export function createJobHandlers(deps: Deps, log?: (what: string, error: unknown) => void): Record<string, JobHandler> {
  return { [IMPORT_JOB]: createImportJobHandler(deps), ...reportJobHandlers(createReportJobKinds(deps, log)) };
}
