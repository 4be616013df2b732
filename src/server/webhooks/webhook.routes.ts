import { z } from 'zod';
import { idParams } from '../../contracts/common';
import { webhookCreate, webhookCreated, webhookDeliveryView, webhookVersion, webhookView } from '../../contracts/webhooks';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { createWebhookService } from './webhook.service';

const tags = ['admin'];

/** Webhooks are administered with the tokens they belong to (admin.tokens.manage). */
export function registerWebhookRoutes(app: App, deps: Deps) {
  const service = createWebhookService(deps);
  const manage = requirePermission('admin.tokens.manage');

  app.get('/api/v1/webhooks', { preValidation: manage, schema: { tags, response: { 200: z.object({ items: z.array(webhookView) }) } } }, async () => ({ items: await service.list() }));
  app.post('/api/v1/tokens/:id/webhooks', { preValidation: manage, schema: { tags, params: idParams, body: webhookCreate, response: { 201: webhookCreated } } }, async (req, reply) =>
    reply.code(201).send(await service.create(req.ctx, req.params.id, req.body)),
  );
  app.get('/api/v1/webhooks/:id/deliveries', { preValidation: manage, schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(webhookDeliveryView) }) } } }, async (req) => ({
    items: await service.deliveries(req.params.id),
  }));
  app.post('/api/v1/webhooks/:id/enable', { preValidation: manage, schema: { tags, params: idParams, body: webhookVersion, response: { 200: webhookView } } }, async (req) =>
    service.setActive(req.ctx, req.params.id, req.body.version, true),
  );
  app.post('/api/v1/webhooks/:id/disable', { preValidation: manage, schema: { tags, params: idParams, body: webhookVersion, response: { 200: webhookView } } }, async (req) =>
    service.setActive(req.ctx, req.params.id, req.body.version, false),
  );
}
