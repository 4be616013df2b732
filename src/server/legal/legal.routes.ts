import { z } from 'zod';
import { idParams } from '../../contracts/common';
import {
  articleCreate, articleQuery, articleUpdate, articleView, regimeCreate, regimeQuery, regimeUpdate, regimeView, resolveQuery, resolveView, tierCreate, tierUpdate, tierView,
} from '../../contracts/legal';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { presentArticle, presentRegime, presentTier } from './legal.presenter';
import { createLegalService } from './legal.service';

const tags = ['legal'];

/**
 * The legal framework. Reading needs only a signed-in actor (every form that records a charge needs it);
 * changes need `admin.legal.manage`.
 */
export function registerLegalRoutes(app: App, deps: Deps) {
  const legal = createLegalService(deps);
  const manage = requirePermission('admin.legal.manage');
  const regimeById = async (id: string) => presentRegime(await legal.getRegime(id));

  app.get('/api/v1/legal/regimes', { schema: { tags, querystring: regimeQuery, response: { 200: z.object({ items: z.array(regimeView) }) } } }, async (req) => ({
    items: (await legal.listRegimes(req.query.country)).map(presentRegime),
  }));
  app.post('/api/v1/legal/regimes', { preValidation: manage, schema: { tags, body: regimeCreate, response: { 201: regimeView } } }, async (req, reply) =>
    reply.code(201).send(await regimeById(await legal.createRegime(req.ctx, req.body))),
  );
  app.patch('/api/v1/legal/regimes/:id', { preValidation: manage, schema: { tags, params: idParams, body: regimeUpdate, response: { 200: regimeView } } }, async (req) => {
    await legal.updateRegime(req.ctx, req.params.id, req.body);
    return regimeById(req.params.id);
  });

  app.get('/api/v1/legal/articles', { schema: { tags, querystring: articleQuery, response: { 200: z.object({ items: z.array(articleView) }) } } }, async (req) => ({
    items: (await legal.listArticles(req.query)).map(presentArticle),
  }));
  app.get('/api/v1/legal/articles/:id', { schema: { tags, params: idParams, response: { 200: articleView } } }, async (req) =>
    presentArticle(await legal.getArticle(req.params.id)),
  );
  app.post('/api/v1/legal/articles', { preValidation: manage, schema: { tags, body: articleCreate, response: { 201: articleView } } }, async (req, reply) =>
    reply.code(201).send(presentArticle(await legal.getArticle(await legal.createArticle(req.ctx, req.body)))),
  );
  app.patch('/api/v1/legal/articles/:id', { preValidation: manage, schema: { tags, params: idParams, body: articleUpdate, response: { 200: articleView } } }, async (req) => {
    await legal.updateArticle(req.ctx, req.params.id, req.body);
    return presentArticle(await legal.getArticle(req.params.id));
  });
  app.post('/api/v1/legal/articles/:id/tiers', { preValidation: manage, schema: { tags, params: idParams, body: tierCreate, response: { 201: tierView } } }, async (req, reply) =>
    reply.code(201).send(presentTier(await legal.createTier(req.ctx, req.params.id, req.body))),
  );
  app.patch('/api/v1/legal/tiers/:id', { preValidation: manage, schema: { tags, params: idParams, body: tierUpdate, response: { 200: tierView } } }, async (req) =>
    presentTier(await legal.updateTier(req.ctx, req.params.id, req.body)),
  );

  // Which article and regime apply to facts on a date: what a charge form shows before it is saved.
  app.get('/api/v1/legal/resolve', { schema: { tags, querystring: resolveQuery, response: { 200: resolveView } } }, async (req) => {
    const { article, regime } = await legal.resolve(req.query.article, req.query.date);
    return { article: presentArticle(article), regime: presentRegime(regime) };
  });
}
