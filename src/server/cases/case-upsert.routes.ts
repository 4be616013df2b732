import { caseUpsert, caseUpsertResult, externalIdParams, suspectUpsert, suspectUpsertResult, victimUpsert, victimUpsertResult } from '../../contracts/upserts';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import { answerUpsert } from '../idempotency/upsert-answer';
import type { App } from '../http/types';
import { createCaseUpserts } from './case-upserts';

const tags = ['cases'];

const answer = answerUpsert;

/** `PUT …/by-external-id/:externalId`: the sender's record, created or brought up to date (src/server/idempotency). */
export function registerCaseUpsertRoutes(app: App, deps: Deps) {
  const { upsertCase, upsertParty } = createCaseUpserts(deps);
  const write = requirePermission('case.create', 'case.update');
  const parties = requirePermission('case.update');
  app.put('/api/v1/cases/by-external-id/:externalId', { preValidation: write, schema: { tags, params: externalIdParams, body: caseUpsert, response: { 200: caseUpsertResult, 201: caseUpsertResult } } }, async (req, reply) =>
    answer(await upsertCase(req.ctx, req.params.externalId, req.body), reply),
  );
  app.put('/api/v1/victims/by-external-id/:externalId', { preValidation: parties, schema: { tags, params: externalIdParams, body: victimUpsert, response: { 200: victimUpsertResult, 201: victimUpsertResult } } }, async (req, reply) =>
    answer(await upsertParty(req.ctx, 'victim', req.params.externalId, req.body), reply) as never,
  );
  app.put('/api/v1/suspects/by-external-id/:externalId', { preValidation: parties, schema: { tags, params: externalIdParams, body: suspectUpsert, response: { 200: suspectUpsertResult, 201: suspectUpsertResult } } }, async (req, reply) =>
    answer(await upsertParty(req.ctx, 'suspect', req.params.externalId, req.body), reply) as never,
  );
}
