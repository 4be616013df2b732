import { caseJusticeView, justiceCaseParams, eventCreate, eventList, eventListQuery, eventView, justiceSuspectParams } from '../../contracts/justice';
import { inboxEndpoints } from '../../contracts/endpoints/inbox';
import type { Deps } from '../deps';
import { registerEndpoint } from '../http/endpoint-route';
import { requireAnyPermission, requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { presentEvent } from './justice.presenter';
import { createJusticeService } from './justice.service';

const tags = ['justice'];

/**
 * The justice chain per defendant. Reading needs `justice.read` and a case in scope (else 404); writing
 * needs the write permission of the event's stage, checked again with the institution's stage in the
 * service (a court clerk records court events only for a case whose charges reached that court).
 */
export function registerJusticeRoutes(app: App, deps: Deps) {
  const justice = createJusticeService(deps);
  const read = requirePermission('justice.read');
  const writeAnyStage = requireAnyPermission(
    'justice.police.write', 'justice.prosecution.write', 'justice.court.write', 'justice.execution.write', 'justice.international.write',
  );

  app.get('/api/v1/cases/:id/justice', { preValidation: read, schema: { tags, params: justiceCaseParams, response: { 200: caseJusticeView } } }, async (req) =>
    justice.caseJustice(req.ctx, req.params.id),
  );

  app.post(
    '/api/v1/cases/:id/suspects/:suspectId/events',
    { preValidation: writeAnyStage, schema: { tags, params: justiceSuspectParams, body: eventCreate, response: { 200: eventView, 201: eventView } } },
    async (req, reply) => {
      const { event, framework, created } = await justice.recordEvent(req.ctx, req.params.id, req.params.suspectId, req.body);
      return reply.code(created ? 201 : 200).send(presentEvent(event, framework, new Map()));
    },
  );

  app.get('/api/v1/justice/events', { preValidation: read, schema: { tags, querystring: eventListQuery, response: { 200: eventList } } }, async (req) =>
    justice.listEvents(req.ctx, req.query),
  );
  registerEndpoint(app, inboxEndpoints.justice, { tags, preValidation: read }, async (req) => justice.inbox(req.ctx, req.query));
}
