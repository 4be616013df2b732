import { reconciliationQuery, reconciliationView } from '../../contracts/reconciliation';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { createReconciliationService } from './reconciliation.service';

export function registerReconciliationRoutes(app: App, deps: Deps) {
  const service = createReconciliationService(deps);
  app.get(
    '/api/v1/reconciliation',
    { preValidation: requirePermission('duplicates.review.cross_institution'), schema: { tags: ['quality'], querystring: reconciliationQuery, response: { 200: reconciliationView } } },
    async (req) => service.run(req.ctx, req.query),
  );
}
