import { z } from 'zod';
import type { Permission } from '../../core/permissions';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { markSeen, type InboxName } from './inbox.repository';

const seenResponse = z.object({ seenAt: z.string() });
const paths: Array<{ inbox: InboxName; path: string; permission: Permission }> = [
  { inbox: 'justice', path: '/api/v1/justice/inbox/seen', permission: 'justice.read' },
  { inbox: 'referrals', path: '/api/v1/referrals/inbox/seen', permission: 'protection.read' },
  { inbox: 'hotline', path: '/api/v1/hotline/follow-up/seen', permission: 'hotline.read' },
];

/** "I have looked at this inbox": what arrived before now is no longer marked new for this user. */
export function registerInboxRoutes(app: App, deps: Deps) {
  for (const { inbox, path, permission } of paths) {
    app.post(path, { preValidation: requirePermission(permission), schema: { tags: ['inbox'], response: { 200: seenResponse } } }, async (req) => ({
      seenAt: (await deps.db.transaction((tx) => markSeen(tx, req.ctx.actor, inbox))).toISOString(),
    }));
  }
}
