import { z } from 'zod';
import { idParams, listResponse } from '../../contracts/common';
import {
  identificationUpdate, identificationView, referralCreate, referralListQuery, referralTransition, referralView,
  repatriationCreate, repatriationView, reparationCreate, reparationView, residencyPermitCreate, residencyPermitView, serviceCreate,
  victimParams, victimProtectionView,
} from '../../contracts/protection';
import { inboxEndpoints } from '../../contracts/endpoints/inbox';
import type { Deps } from '../deps';
import { registerEndpoint } from '../http/endpoint-route';
import { requireAnyPermission, requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { registerMatchingRoutes } from '../matching/matching.routes';
import { createReferralService } from './referral.service';
import { registerShelterRoutes } from './shelter.routes';
import { createVictimRecordsService } from './victim-records.service';

const tags = ['protection'];

/**
 * Protection (C4): identification status, referrals and services, shelters and stays, reparation,
 * repatriation, residency. `victimId` is always a case_victims id (one person as victim in one case).
 * Matching of people across cases (C2) is registered from here too.
 */
export function registerProtectionRoutes(app: App, deps: Deps) {
  const referrals = createReferralService(deps);
  const victims = createVictimRecordsService(deps, referrals);
  const read = requirePermission('protection.read');
  const write = requirePermission('protection.write');

  app.get('/api/v1/victims/:victimId/protection', { preValidation: read, schema: { tags, params: victimParams, response: { 200: victimProtectionView } } }, async (req) =>
    victims.protectionFile(req.ctx, req.params.victimId),
  );
  app.patch('/api/v1/victims/:victimId/identification', { preValidation: write, schema: { tags, params: victimParams, body: identificationUpdate, response: { 200: identificationView } } }, async (req) =>
    victims.updateIdentification(req.ctx, req.params.victimId, req.body),
  );
  registerVictimRecordRoutes(app, victims);

  // A supervisor holding only the override permission may also send a referral (that is its purpose).
  app.post('/api/v1/referrals', { preValidation: requireAnyPermission('protection.write', 'protection.consent_override'), schema: { tags, body: referralCreate, response: { 200: referralView, 201: referralView } } }, async (req, reply) => {
    const { created, referral } = await referrals.create(req.ctx, req.body);
    return reply.code(created ? 201 : 200).send(referral);
  });
  app.get('/api/v1/referrals', { preValidation: read, schema: { tags, querystring: referralListQuery, response: { 200: listResponse(referralView) } } }, async (req) =>
    referrals.list(req.ctx, req.query),
  );
  registerEndpoint(app, inboxEndpoints.referrals, { tags, preValidation: read }, async (req) => referrals.inbox(req.ctx, req.query));
  app.get('/api/v1/referrals/:id', { preValidation: read, schema: { tags, params: idParams, response: { 200: referralView } } }, async (req) => referrals.get(req.ctx, req.params.id));
  app.post('/api/v1/referrals/:id/status', { preValidation: write, schema: { tags, params: idParams, body: referralTransition, response: { 200: referralView } } }, async (req) =>
    referrals.transition(req.ctx, req.params.id, req.body),
  );
  app.post('/api/v1/referrals/:id/services', { preValidation: write, schema: { tags, params: idParams, body: serviceCreate, response: { 201: referralView } } }, async (req, reply) =>
    reply.code(201).send(await referrals.addService(req.ctx, req.params.id, req.body)),
  );

  registerShelterRoutes(app, deps);
  registerMatchingRoutes(app, deps);
}

function registerVictimRecordRoutes(app: App, victims: ReturnType<typeof createVictimRecordsService>) {
  const read = requirePermission('protection.read');
  const write = requirePermission('protection.write');
  const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

  app.get('/api/v1/victims/:victimId/reparations', { preValidation: read, schema: { tags, params: victimParams, response: { 200: list(reparationView) } } }, async (req) => ({
    items: (await victims.listRecords(req.ctx, req.params.victimId)).reparations,
  }));
  app.post('/api/v1/victims/:victimId/reparations', { preValidation: write, schema: { tags, params: victimParams, body: reparationCreate, response: { 201: reparationView } } }, async (req, reply) =>
    reply.code(201).send(await victims.addReparation(req.ctx, req.params.victimId, req.body)),
  );
  app.get('/api/v1/victims/:victimId/repatriations', { preValidation: read, schema: { tags, params: victimParams, response: { 200: list(repatriationView) } } }, async (req) => ({
    items: (await victims.listRecords(req.ctx, req.params.victimId)).repatriations,
  }));
  app.post('/api/v1/victims/:victimId/repatriations', { preValidation: write, schema: { tags, params: victimParams, body: repatriationCreate, response: { 201: repatriationView } } }, async (req, reply) =>
    reply.code(201).send(await victims.addRepatriation(req.ctx, req.params.victimId, req.body)),
  );
  app.get('/api/v1/victims/:victimId/residency-permits', { preValidation: read, schema: { tags, params: victimParams, response: { 200: list(residencyPermitView) } } }, async (req) => ({
    items: (await victims.listRecords(req.ctx, req.params.victimId)).residencyPermits,
  }));
  app.post('/api/v1/victims/:victimId/residency-permits', { preValidation: write, schema: { tags, params: victimParams, body: residencyPermitCreate, response: { 201: residencyPermitView } } }, async (req, reply) =>
    reply.code(201).send(await victims.addResidencyPermit(req.ctx, req.params.victimId, req.body)),
  );
}
