import { demoStatusView } from '../../contracts/demo';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { demoResetSettled } from './demo.job';
import { createDemoService } from './demo.service';

const tags = ['admin'];

/** Training mode: an administrator resets a demo database from the web app (refused on real data). */
export function registerDemoRoutes(app: App, deps: Deps) {
  const demo = createDemoService(deps, (error) => app.log.error({ err: error }, 'demo reset failed'));
  // Resetting the demo replaces every case and person: as much an administrator's act as managing users.
  const administer = requirePermission('admin.users.manage');
  // A server that closes waits for a reset in progress instead of closing the database under it.
  app.addHook('onClose', () => demoResetSettled(deps));

  app.get('/api/v1/admin/demo', { preValidation: administer, schema: { tags, response: { 200: demoStatusView } } }, async () => demo.status());
  app.post('/api/v1/admin/demo/reset', { preValidation: administer, schema: { tags, response: { 202: demoStatusView } } }, async (req, reply) =>
    reply.code(202).send(await demo.reset(req.ctx)),
  );
}
