import { changePage, changeQuery, feedHead } from '../../contracts/changes';
import { decodeCursor } from '../../core/changes/feed';
import type { Deps } from '../deps';
import { invalid } from '../errors/app-error';
import type { App } from '../http/types';
import { createChangeService } from './change.service';

const tags = ['changes'];

export function registerChangeRoutes(app: App, deps: Deps) {
  const changes = createChangeService(deps);

  // Any signed-in user or token: what each one learns is decided per record by the policy.
  app.get('/api/v1/changes', { schema: { tags, querystring: changeQuery, response: { 200: changePage } } }, async (req) => {
    const after = decodeCursor(req.query.cursor);
    if (!after) throw invalid({ cursor: 'invalid_cursor' });
    return changes.page(req.ctx.actor, after, req.query.limit);
  });

  app.get('/api/v1/changes/head', { schema: { tags, response: { 200: feedHead } } }, async () => ({ cursor: await changes.head() }));
}
