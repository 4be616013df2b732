import type { Deps } from '../deps';
import type { App } from '../http/types';
import { registerMetrics } from './metrics';
import { checkReadiness } from './readiness';

/** Operations endpoints: readiness (distinct from liveness, /api/health) and Prometheus metrics. */
export function registerOpsRoutes(app: App, deps: Deps): void {
  registerMetrics(app, deps);
  app.get('/api/ready', { config: { public: true }, schema: { tags: ['system'] } }, async (_req, reply) => {
    const readiness = await checkReadiness(deps.db);
    return reply.code(readiness.ready ? 200 : 503).send({ status: readiness.ready ? 'ready' : 'not_ready', ...readiness });
  });
}
