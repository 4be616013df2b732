import type { Permission } from '../../core/permissions';
import { inboxEndpoints, type seenResponse } from '../../contracts/endpoints/inbox';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import { registerEndpoint } from '../http/endpoint-route';
import type { App } from '../http/types';
import { markSeen, type InboxName } from './inbox.repository';

type SeenEndpoint = { method: 'POST'; path: string; responses: { 200: typeof seenResponse } };
const seen: Array<{ inbox: InboxName; endpoint: SeenEndpoint; permission: Permission }> = [
  { inbox: 'justice', endpoint: inboxEndpoints.justiceSeen, permission: 'justice.read' },
  { inbox: 'referrals', endpoint: inboxEndpoints.referralsSeen, permission: 'protection.read' },
  { inbox: 'hotline', endpoint: inboxEndpoints.hotlineSeen, permission: 'hotline.read' },
];

/** "I have looked at this inbox": what arrived before now is no longer marked new for this user. */
export function registerInboxRoutes(app: App, deps: Deps) {
  for (const { inbox, endpoint, permission } of seen) {
    registerEndpoint(app, endpoint, { tags: ['inbox'], preValidation: requirePermission(permission) }, async (req) => ({
      seenAt: (await deps.db.transaction((tx) => markSeen(tx, req.ctx.actor, inbox))).toISOString(),
    }));
  }
}
