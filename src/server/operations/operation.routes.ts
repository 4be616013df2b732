import { idParams } from '../../contracts/common';
import {
  operationCaseLink, operationCaseParams, operationCreate, operationList, operationListQuery, operationUpdate, operationView, versionQuery,
} from '../../contracts/operations';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { createOperationService } from './operation.service';
import { externalIdParams, operationUpsert, operationUpsertResult } from '../../contracts/upserts';
import { answerUpsert } from '../idempotency/upsert-answer';

const tags = ['operations'];

export function registerOperationRoutes(app: App, deps: Deps) {
  const service = createOperationService(deps);
  const read = requirePermission('operation.read');
  const write = requirePermission('operation.write');

  app.get('/api/v1/operations', { preValidation: read, schema: { tags, querystring: operationListQuery, response: { 200: operationList } } }, async (req) =>
    service.list(req.ctx, req.query),
  );
  app.post('/api/v1/operations', { preValidation: write, schema: { tags, body: operationCreate, response: { 200: operationView, 201: operationView } } }, async (req, reply) => {
    const { view, created } = await service.create(req.ctx, req.body);
    return reply.code(created ? 201 : 200).send(view);
  });
  app.put('/api/v1/operations/by-external-id/:externalId', { preValidation: write, schema: { tags, params: externalIdParams, body: operationUpsert, response: { 200: operationUpsertResult, 201: operationUpsertResult } } }, async (req, reply) =>
    answerUpsert(await service.upsert(req.ctx, req.params.externalId, req.body), reply),
  );
  app.get('/api/v1/operations/:id', { preValidation: read, schema: { tags, params: idParams, response: { 200: operationView } } }, async (req) =>
    service.get(req.ctx, req.params.id),
  );
  app.patch('/api/v1/operations/:id', { preValidation: write, schema: { tags, params: idParams, body: operationUpdate, response: { 200: operationView } } }, async (req) =>
    service.update(req.ctx, req.params.id, req.body),
  );
  app.post('/api/v1/operations/:id/cases', { preValidation: write, schema: { tags, params: idParams, body: operationCaseLink, response: { 200: operationView } } }, async (req) =>
    service.linkCase(req.ctx, req.params.id, req.body.caseId, req.body.version),
  );
  app.delete(
    '/api/v1/operations/:id/cases/:caseId',
    { preValidation: write, schema: { tags, params: operationCaseParams, querystring: versionQuery, response: { 200: operationView } } },
    async (req) => service.unlinkCase(req.ctx, req.params.id, req.params.caseId, req.query.version),
  );
}
