import { jobParams } from '../../contracts/jobs';
import { jobEndpoints } from '../../contracts/endpoints/jobs';
import type { Deps } from '../deps';
import { registerEndpoint } from '../http/endpoint-route';
import { sendFile } from '../http/send-file';
import type { App } from '../http/types';
import { requirePermission } from '../http/auth.hooks';
import { createReportJobKinds } from '../reports/report.jobs';
import { createJobService } from './job.service';

const tags = ['jobs'];

/**
 * `POST /api/v1/jobs` starts a report or an export in the background (201, queued); the requester follows it
 * (`GET /api/v1/jobs/:id`, `GET /api/v1/jobs`), cancels it, and downloads its file
 * (`GET /api/v1/jobs/:id/result`). Which kinds each person may start is the policy's (mayStartJob).
 */
export function registerJobRoutes(app: App, deps: Deps) {
  const jobs = createJobService(deps, createReportJobKinds(deps, (what, error) => app.log.warn({ what, err: error instanceof Error ? error.message : String(error) }, 'annual report figure unavailable')));
  // Every kind makes a file out of RETA (policy: mayStartJob checks the rest per kind): before validation, so
  // a role without it gets 403, never a 400.
  const exporter = requirePermission('export.create');
  registerEndpoint(app, jobEndpoints.start, { tags, preValidation: exporter }, async (req, reply) => reply.code(201).send(await jobs.start(req.ctx, req.body)));
  registerEndpoint(app, jobEndpoints.list, { tags, preValidation: exporter }, async (req) => jobs.list(req.ctx, req.query.limit));
  registerEndpoint(app, jobEndpoints.get, { tags, preValidation: exporter }, async (req) => jobs.get(req.ctx, req.params.id));
  registerEndpoint(app, jobEndpoints.cancel, { tags, preValidation: exporter }, async (req) => jobs.cancel(req.ctx, req.params.id));
  app.get('/api/v1/jobs/:id/result', { preValidation: exporter, schema: { tags, params: jobParams } }, async (req, reply) => sendFile(reply, await jobs.download(req.ctx, req.params.id)));
}
