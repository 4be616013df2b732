import { z } from 'zod';
import {
  institutionCreate, institutionUpdate, institutionView, passwordReset, tokenCreate, tokenView, unitCreate, unitUpdate,
  unitView, userCreate, userUpdate, userView,
} from '../../contracts/admin';
import { idParams } from '../../contracts/common';
import type { ApiTokenService } from '../auth/api-token.service';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { presentInstitution, presentUnit, presentUser } from './admin.presenter';
import { createAdminService } from './admin.service';

const tags = ['admin'];

export function registerAdminRoutes(app: App, deps: Deps, tokens: ApiTokenService) {
  const admin = createAdminService(deps);
  const manageInstitutions = requirePermission('admin.institutions.manage');
  const manageUnits = requirePermission('admin.units.manage');
  const manageUsers = requirePermission('admin.users.manage');
  const manageTokens = requirePermission('admin.tokens.manage');

  // Any signed-in user may list institutions and units: forms need them to pick a destination.
  app.get('/api/v1/institutions', { schema: { tags, response: { 200: z.object({ items: z.array(institutionView) }) } } }, async () => ({
    items: (await admin.listInstitutions()).map(presentInstitution),
  }));
  app.post('/api/v1/institutions', { preValidation: manageInstitutions, schema: { tags, body: institutionCreate, response: { 201: institutionView } } }, async (req, reply) =>
    reply.code(201).send(presentInstitution(await admin.createInstitution(req.ctx, req.body))),
  );
  app.patch('/api/v1/institutions/:id', { preValidation: manageInstitutions, schema: { tags, params: idParams, body: institutionUpdate, response: { 200: institutionView } } }, async (req) =>
    presentInstitution(await admin.updateInstitution(req.ctx, req.params.id, req.body)),
  );

  app.get('/api/v1/units', { schema: { tags, querystring: z.object({ institutionId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(unitView) }) } } }, async (req) => ({
    items: (await admin.listUnits(req.query.institutionId)).map(presentUnit),
  }));
  app.post('/api/v1/units', { preValidation: manageUnits, schema: { tags, body: unitCreate, response: { 201: unitView } } }, async (req, reply) =>
    reply.code(201).send(presentUnit(await admin.createUnit(req.ctx, req.body))),
  );
  app.patch('/api/v1/units/:id', { preValidation: manageUnits, schema: { tags, params: idParams, body: unitUpdate, response: { 200: unitView } } }, async (req) =>
    presentUnit(await admin.updateUnit(req.ctx, req.params.id, req.body)),
  );

  app.get('/api/v1/users', { preValidation: manageUsers, schema: { tags, response: { 200: z.object({ items: z.array(userView) }) } } }, async () => ({
    items: (await admin.listUsers()).map(presentUser),
  }));
  app.get('/api/v1/users/:id', { preValidation: manageUsers, schema: { tags, params: idParams, response: { 200: userView } } }, async (req) =>
    presentUser(await admin.getUser(req.params.id)),
  );
  app.post('/api/v1/users', { preValidation: manageUsers, schema: { tags, body: userCreate, response: { 201: userView } } }, async (req, reply) =>
    reply.code(201).send(presentUser(await admin.createUser(req.ctx, req.body))),
  );
  app.patch('/api/v1/users/:id', { preValidation: manageUsers, schema: { tags, params: idParams, body: userUpdate, response: { 200: userView } } }, async (req) =>
    presentUser(await admin.updateUser(req.ctx, req.params.id, req.body)),
  );
  app.post('/api/v1/users/:id/password', { preValidation: manageUsers, schema: { tags, params: idParams, body: passwordReset, response: { 204: z.null() } } }, async (req, reply) => {
    await admin.resetPassword(req.ctx, req.params.id, req.body.password);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/tokens', { preValidation: manageTokens, schema: { tags, response: { 200: z.object({ items: z.array(tokenView) }) } } }, async () => ({
    items: (await tokens.list()).map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null, lastUsedAt: t.lastUsedAt?.toISOString() ?? null })),
  }));
  app.post('/api/v1/tokens', { preValidation: manageTokens, schema: { tags, body: tokenCreate, response: { 201: tokenView.extend({ token: z.string() }) } } }, async (req, reply) => {
    const created = await tokens.create(req.ctx, req.body);
    return reply.code(201).send({ ...created, createdAt: created.createdAt.toISOString() });
  });
  app.delete('/api/v1/tokens/:id', { preValidation: manageTokens, schema: { tags, params: idParams, response: { 204: z.null() } } }, async (req, reply) => {
    await tokens.revoke(req.ctx, req.params.id);
    return reply.code(204).send(null);
  });
}
