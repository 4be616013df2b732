import { idParams, listResponse } from '../../contracts/common';
import {
  shelterCreate, shelterGetQuery, shelterUpdate, shelterView, stayCreate, stayListQuery, stayUpdate, stayView,
} from '../../contracts/protection';
import { shelterEndpoints } from '../../contracts/endpoints/protection';
import type { Deps } from '../deps';
import { registerEndpoint } from '../http/endpoint-route';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { createShelterService } from './shelter.service';

const tags = ['protection'];

export function registerShelterRoutes(app: App, deps: Deps) {
  const shelters = createShelterService(deps);
  const read = requirePermission('protection.read');
  const manage = requirePermission('shelter.manage');

  registerEndpoint(app, shelterEndpoints.list, { tags, preValidation: read }, async (req) => shelters.list(req.ctx, req.query));
  app.get('/api/v1/shelters/:id', { preValidation: read, schema: { tags, params: idParams, querystring: shelterGetQuery, response: { 200: shelterView } } }, async (req) =>
    shelters.get(req.ctx, req.params.id, req.query.on),
  );
  app.post('/api/v1/shelters', { preValidation: manage, schema: { tags, body: shelterCreate, response: { 201: shelterView } } }, async (req, reply) =>
    reply.code(201).send(await shelters.create(req.ctx, req.body)),
  );
  app.patch('/api/v1/shelters/:id', { preValidation: manage, schema: { tags, params: idParams, body: shelterUpdate, response: { 200: shelterView } } }, async (req) =>
    shelters.update(req.ctx, req.params.id, req.body),
  );
  app.get('/api/v1/shelters/:id/stays', { preValidation: manage, schema: { tags, params: idParams, querystring: stayListQuery, response: { 200: listResponse(stayView) } } }, async (req) =>
    shelters.stays(req.ctx, req.params.id, req.query),
  );
  app.post('/api/v1/shelters/:id/stays', { preValidation: manage, schema: { tags, params: idParams, body: stayCreate, response: { 201: stayView } } }, async (req, reply) =>
    reply.code(201).send(await shelters.addStay(req.ctx, req.params.id, req.body)),
  );
  app.patch('/api/v1/stays/:id', { preValidation: manage, schema: { tags, params: idParams, body: stayUpdate, response: { 200: stayView } } }, async (req) =>
    shelters.updateStay(req.ctx, req.params.id, req.body),
  );
}

