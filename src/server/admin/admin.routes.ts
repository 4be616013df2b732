import { adminEndpoints } from '../../contracts/endpoints/admin';
import type { ApiTokenService } from '../auth/api-token.service';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import { registerEndpoint } from '../http/endpoint-route';
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

  const { institutions, units, users, tokens: tokenEndpoints } = adminEndpoints;

  // Any signed-in user may list institutions and units: forms need them to pick a destination.
  registerEndpoint(app, institutions.list, { tags }, async () => ({ items: (await admin.listInstitutions()).map(presentInstitution) }));
  registerEndpoint(app, institutions.create, { tags, preValidation: manageInstitutions }, async (req, reply) =>
    reply.code(201).send(presentInstitution(await admin.createInstitution(req.ctx, req.body))),
  );
  registerEndpoint(app, institutions.update, { tags, preValidation: manageInstitutions }, async (req) =>
    presentInstitution(await admin.updateInstitution(req.ctx, req.params.id, req.body)),
  );

  registerEndpoint(app, units.list, { tags }, async (req) => ({ items: (await admin.listUnits(req.query.institutionId)).map(presentUnit) }));
  registerEndpoint(app, units.create, { tags, preValidation: manageUnits }, async (req, reply) => reply.code(201).send(presentUnit(await admin.createUnit(req.ctx, req.body))));
  registerEndpoint(app, units.update, { tags, preValidation: manageUnits }, async (req) => presentUnit(await admin.updateUnit(req.ctx, req.params.id, req.body)));

  registerEndpoint(app, users.list, { tags, preValidation: manageUsers }, async () => ({ items: (await admin.listUsers()).map(presentUser) }));
  registerEndpoint(app, users.get, { tags, preValidation: manageUsers }, async (req) => presentUser(await admin.getUser(req.params.id)));
  registerEndpoint(app, users.create, { tags, preValidation: manageUsers }, async (req, reply) => reply.code(201).send(presentUser(await admin.createUser(req.ctx, req.body))));
  registerEndpoint(app, users.update, { tags, preValidation: manageUsers }, async (req) => presentUser(await admin.updateUser(req.ctx, req.params.id, req.body)));
  registerEndpoint(app, users.resetPassword, { tags, preValidation: manageUsers }, async (req, reply) => {
    await admin.resetPassword(req.ctx, req.params.id, req.body.password);
    return reply.code(204).send(null);
  });

  registerEndpoint(app, tokenEndpoints.list, { tags, preValidation: manageTokens }, async () => ({
    items: (await tokens.list()).map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null, lastUsedAt: t.lastUsedAt?.toISOString() ?? null })),
  }));
  registerEndpoint(app, tokenEndpoints.create, { tags, preValidation: manageTokens }, async (req, reply) => {
    const created = await tokens.create(req.ctx, req.body);
    return reply.code(201).send({ ...created, createdAt: created.createdAt.toISOString() });
  });
  registerEndpoint(app, tokenEndpoints.revoke, { tags, preValidation: manageTokens }, async (req, reply) => {
    await tokens.revoke(req.ctx, req.params.id);
    return reply.code(204).send(null);
  });
}
