import { idParams } from '../../contracts/common';
import { preventionCreate, preventionList, preventionListQuery, preventionUpdate, preventionView } from '../../contracts/prevention';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { createPreventionService } from './prevention.service';

const tags = ['prevention'];

export function registerPreventionRoutes(app: App, deps: Deps) {
  const service = createPreventionService(deps);
  const read = requirePermission('prevention.read');
  const write = requirePermission('prevention.write');

  app.get('/api/v1/prevention/activities', { preValidation: read, schema: { tags, querystring: preventionListQuery, response: { 200: preventionList } } }, async (req) =>
    service.list(req.ctx, req.query),
  );
  app.post(
    '/api/v1/prevention/activities',
    { preValidation: write, schema: { tags, body: preventionCreate, response: { 200: preventionView, 201: preventionView } } },
    async (req, reply) => {
      const { view, created } = await service.create(req.ctx, req.body);
      return reply.code(created ? 201 : 200).send(view);
    },
  );
  app.get('/api/v1/prevention/activities/:id', { preValidation: read, schema: { tags, params: idParams, response: { 200: preventionView } } }, async (req) =>
    service.get(req.ctx, req.params.id),
  );
  app.patch(
    '/api/v1/prevention/activities/:id',
    { preValidation: write, schema: { tags, params: idParams, body: preventionUpdate, response: { 200: preventionView } } },
    async (req) => service.update(req.ctx, req.params.id, req.body),
  );
}
