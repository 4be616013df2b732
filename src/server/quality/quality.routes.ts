import { qualityCasesQuery, qualityCasesResult, qualityQuery, qualityResult } from '../../contracts/quality';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { createQualityService } from './quality.service';

const tags = ['quality'];

export function registerQualityRoutes(app: App, deps: Deps) {
  const quality = createQualityService(deps);
  const read = requirePermission('quality.read');
  app.get('/api/v1/quality', { preValidation: read, schema: { tags, querystring: qualityQuery, response: { 200: qualityResult } } }, async (req) => quality.summary(req.ctx, req.query));
  app.get('/api/v1/quality/cases', { preValidation: read, schema: { tags, querystring: qualityCasesQuery, response: { 200: qualityCasesResult } } }, async (req) =>
    quality.failingCases(req.ctx, req.query),
  );
}
