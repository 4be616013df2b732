import { qualityEndpoints } from '../../contracts/endpoints/quality';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import { registerEndpoint } from '../http/endpoint-route';
import type { App } from '../http/types';
import { createQualityService } from './quality.service';

const tags = ['quality'];

export function registerQualityRoutes(app: App, deps: Deps) {
  const quality = createQualityService(deps);
  const read = requirePermission('quality.read');
  registerEndpoint(app, qualityEndpoints.summary, { tags, preValidation: read }, async (req) => quality.summary(req.ctx, req.query));
  registerEndpoint(app, qualityEndpoints.cases, { tags, preValidation: read }, async (req) => quality.failingCases(req.ctx, req.query));
}
