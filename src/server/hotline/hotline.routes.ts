import { idParams } from '../../contracts/common';
import {
  callCaseLink, callOutcome, callReferral, callUpdate, callView, monthlyStatsQuery, monthlyStatsView,
} from '../../contracts/hotline';
import { hotlineEndpoints } from '../../contracts/endpoints/hotline';
import { inboxEndpoints } from '../../contracts/endpoints/inbox';
import type { Deps } from '../deps';
import { registerEndpoint } from '../http/endpoint-route';
import { requireAnyPermission, requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { createHotlineFollowUpService } from './hotline.follow-up.service';
import { createHotlineService } from './hotline.service';

const tags = ['hotline'];

export function registerHotlineRoutes(app: App, deps: Deps) {
  const calls = createHotlineService(deps);
  const followUp = createHotlineFollowUpService(deps);
  const read = requirePermission('hotline.read');
  const write = requirePermission('hotline.write');
  // The hotline (hotline.write) or the police unit the call was referred to (case.update); the service
  // checks which call each may follow up.
  const followUpWrite = requireAnyPermission('hotline.write', 'case.update');

  registerEndpoint(app, hotlineEndpoints.calls, { tags, preValidation: read }, async (req) => calls.list(req.ctx, req.query));
  registerEndpoint(app, hotlineEndpoints.createCall, { tags, preValidation: write }, async (req, reply) => {
    const { view, created } = await calls.create(req.ctx, req.body);
    return reply.code(created ? 201 : 200).send(view);
  });
  registerEndpoint(app, hotlineEndpoints.call, { tags, preValidation: read }, async (req) => calls.get(req.ctx, req.params.id));
  app.patch('/api/v1/hotline/calls/:id', { preValidation: write, schema: { tags, params: idParams, body: callUpdate, response: { 200: callView } } }, async (req) =>
    calls.update(req.ctx, req.params.id, req.body),
  );
  app.post('/api/v1/hotline/calls/:id/referral', { preValidation: write, schema: { tags, params: idParams, body: callReferral, response: { 200: callView } } }, async (req) =>
    calls.refer(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/hotline/calls/:id/case-link',
    { preValidation: [read, followUpWrite], schema: { tags, params: idParams, body: callCaseLink, response: { 200: callView } } },
    async (req) => followUp.linkCase(req.ctx, req.params.id, req.body, req.body.version),
  );
  app.post(
    '/api/v1/hotline/calls/:id/outcome',
    { preValidation: [read, followUpWrite], schema: { tags, params: idParams, body: callOutcome, response: { 200: callView } } },
    async (req) => followUp.recordOutcome(req.ctx, req.params.id, req.body),
  );
  registerEndpoint(app, inboxEndpoints.hotline, { tags, preValidation: read }, async (req) => followUp.followUp(req.ctx, req.query));
  app.get('/api/v1/hotline/stats/monthly', { preValidation: read, schema: { tags, querystring: monthlyStatsQuery, response: { 200: monthlyStatsView } } }, async (req) =>
    followUp.monthlyStats(req.ctx, req.query.year),
  );
}
