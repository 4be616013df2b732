import { idParams, listResponse } from '../../contracts/common';
import { candidateDecision, candidateListQuery, candidateView, personParams, scanResult } from '../../contracts/matching';
import type { Deps } from '../deps';
import { requireAnyPermission, requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { matchAfterCommit } from './match-queue';
import { createMatchingService } from './matching.service';

const tags = ['matching'];

/**
 * People across cases (C2): the duplicate review queue. A reviewer sees candidates where one of the two
 * persons is in a case of their own institution they may see; of the other, if out of scope, only whom
 * to contact. Pairs across institutions go only to the supervisors of each holding institution (never to
 * whoever typed the data) and merge once each has confirmed. Scans are rate-limited per user and audited.
 */
export function registerMatchingRoutes(app: App, deps: Deps) {
  const matching = createMatchingService(deps);
  const review = requirePermission('duplicates.review');
  // Persons a registration queued but whose matching did not run (the process stopped in between).
  app.addHook('onReady', () => matchAfterCommit(deps.db));

  app.post('/api/v1/matching/scan/:personId', { preValidation: requireAnyPermission('duplicates.review', 'person.write'), schema: { tags, params: personParams, response: { 200: scanResult } } }, async (req) =>
    matching.scan(req.ctx, req.params.personId),
  );
  app.get('/api/v1/matching/candidates', { preValidation: review, schema: { tags, querystring: candidateListQuery, response: { 200: listResponse(candidateView) } } }, async (req) =>
    matching.list(req.ctx, req.query),
  );
  app.get('/api/v1/matching/candidates/:id', { preValidation: review, schema: { tags, params: idParams, response: { 200: candidateView } } }, async (req) =>
    matching.get(req.ctx, req.params.id),
  );
  app.post('/api/v1/matching/candidates/:id/confirm', { preValidation: review, schema: { tags, params: idParams, body: candidateDecision, response: { 200: candidateView } } }, async (req) =>
    matching.confirm(req.ctx, req.params.id, req.body.version),
  );
  app.post('/api/v1/matching/candidates/:id/reject', { preValidation: review, schema: { tags, params: idParams, body: candidateDecision, response: { 200: candidateView } } }, async (req) =>
    matching.reject(req.ctx, req.params.id, req.body.version),
  );
  app.post('/api/v1/matching/candidates/:id/unmerge', { preValidation: review, schema: { tags, params: idParams, body: candidateDecision, response: { 200: candidateView } } }, async (req) =>
    matching.unmerge(req.ctx, req.params.id, req.body.version),
  );
}
