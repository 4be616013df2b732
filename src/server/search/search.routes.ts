import { searchEndpoints } from '../../contracts/endpoints/search';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { registerEndpoint } from '../http/endpoint-route';
import { createSearchService } from './search.service';

const tags = ['search'];
/** A person types a few searches a minute; more than this from one account is a scan, not work. */
const searchLimit = { max: 30, timeWindow: '1 minute', keyGenerator: (req: { ctx?: { actor: { userId: string } }; ip: string }) => req.ctx?.actor.userId ?? req.ip };

export function registerSearchRoutes(app: App, deps: Deps) {
  const service = createSearchService(deps);
  registerEndpoint(app, searchEndpoints.run, { tags, preValidation: requirePermission('case.read'), config: { rateLimit: searchLimit } }, async (req) =>
    service.search(req.ctx, req.query),
  );
}
