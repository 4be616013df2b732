import { z } from 'zod';
import {
  caseCreate, caseHistoryResponse, offlineReadsReport, caseParams, caseTransfer, caseUpdate, caseView, deleteQuery, placeCreate,
  placeParams, placeView, suspectCreate, suspectParams, suspectUpdate, suspectView, victimCreate, victimParams, victimUpdate, victimView,
} from '../../contracts/cases';
import { caseEndpoints } from '../../contracts/endpoints/cases';
import type { Deps } from '../deps';
import { registerEndpoint } from '../http/endpoint-route';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { sendFile } from '../http/send-file';
import { createCasePartsService } from './case-parts.service';
import { createCaseService } from './case.service';
import { createOfflineReadsService } from './offline-reads.service';

const tags = ['cases'];

/**
 * Permissions are checked at preValidation (before the body is validated): a role without the
 * permission gets 403, not a 400 that would describe the body it may not send.
 */
export function registerCaseRoutes(app: App, deps: Deps) {
  const cases = createCaseService(deps);
  const parts = createCasePartsService(deps);
  const read = requirePermission('case.read');
  const create = requirePermission('case.create');
  const update = requirePermission('case.update');
  const offlineReads = createOfflineReadsService(deps);
  app.post('/api/v1/cases/:id/offline-reads', { preValidation: read, schema: { tags, params: caseParams, body: offlineReadsReport, response: { 204: z.null() } } }, async (req, reply) => {
    await offlineReads.report(req.ctx, req.params.id, req.body);
    return reply.code(204).send(null);
  });

  registerEndpoint(app, caseEndpoints.list, { tags, preValidation: read }, async (req) => cases.list(req.ctx, req.query));
  app.post('/api/v1/cases', { preValidation: create, schema: { tags, body: caseCreate, response: { 200: caseView, 201: caseView } } }, async (req, reply) => {
    const { view, created } = await cases.create(req.ctx, req.body);
    return reply.code(created ? 201 : 200).send(view);
  });
  registerEndpoint(app, caseEndpoints.get, { tags, preValidation: read }, async (req) => cases.get(req.ctx, req.params.id));
  app.get('/api/v1/cases/:id/summary.pdf', { preValidation: read, schema: { tags, params: caseParams } }, async (req, reply) => {
    const { pdf, code } = await cases.printSummary(req.ctx, req.params.id);
    return sendFile(reply, { body: pdf, contentType: 'application/pdf', filename: `${code}.pdf` });
  });
  app.patch('/api/v1/cases/:id', { preValidation: update, schema: { tags, params: caseParams, body: caseUpdate, response: { 200: caseView } } }, async (req) =>
    cases.update(req.ctx, req.params.id, req.body),
  );
  app.post('/api/v1/cases/:id/transfer', { preValidation: requirePermission('case.transfer'), schema: { tags, params: caseParams, body: caseTransfer, response: { 200: caseView } } }, async (req) =>
    cases.transfer(req.ctx, req.params.id, req.body),
  );
  app.get('/api/v1/cases/:id/history', { preValidation: read, schema: { tags, params: caseParams, response: { 200: caseHistoryResponse } } }, async (req) =>
    cases.history(req.ctx, req.params.id),
  );

  app.post('/api/v1/cases/:id/victims', { preValidation: update, schema: { tags, params: caseParams, body: victimCreate, response: { 200: victimView, 201: victimView } } }, async (req, reply) => {
    const { view, created } = await parts.addVictim(req.ctx, req.params.id, req.body);
    return reply.code(created ? 201 : 200).send(view);
  });
  app.patch('/api/v1/cases/:id/victims/:victimId', { preValidation: update, schema: { tags, params: victimParams, body: victimUpdate, response: { 200: victimView } } }, async (req) =>
    parts.updateVictim(req.ctx, req.params.id, req.params.victimId, req.body),
  );
  app.delete('/api/v1/cases/:id/victims/:victimId', { preValidation: update, schema: { tags, params: victimParams, querystring: deleteQuery, response: { 204: z.null() } } }, async (req, reply) => {
    await parts.removeVictim(req.ctx, req.params.id, req.params.victimId, req.query.version);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/cases/:id/suspects', { preValidation: update, schema: { tags, params: caseParams, body: suspectCreate, response: { 200: suspectView, 201: suspectView } } }, async (req, reply) => {
    const { view, created } = await parts.addSuspect(req.ctx, req.params.id, req.body);
    return reply.code(created ? 201 : 200).send(view);
  });
  app.patch('/api/v1/cases/:id/suspects/:suspectId', { preValidation: update, schema: { tags, params: suspectParams, body: suspectUpdate, response: { 200: suspectView } } }, async (req) =>
    parts.updateSuspect(req.ctx, req.params.id, req.params.suspectId, req.body),
  );
  app.delete('/api/v1/cases/:id/suspects/:suspectId', { preValidation: update, schema: { tags, params: suspectParams, querystring: deleteQuery, response: { 204: z.null() } } }, async (req, reply) => {
    await parts.removeSuspect(req.ctx, req.params.id, req.params.suspectId, req.query.version);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/cases/:id/places', { preValidation: update, schema: { tags, params: caseParams, body: placeCreate, response: { 201: placeView } } }, async (req, reply) =>
    reply.code(201).send(await parts.addPlace(req.ctx, req.params.id, req.body)),
  );
  app.delete('/api/v1/cases/:id/places/:placeId', { preValidation: update, schema: { tags, params: placeParams, response: { 204: z.null() } } }, async (req, reply) => {
    await parts.removePlace(req.ctx, req.params.id, req.params.placeId);
    return reply.code(204).send(null);
  });
}
