import type { Permission } from '../core/permissions';

/** Who is acting: a signed-in person or a service account using an API token. */
export interface Actor {
  /**
   * `user` for every signed-in person and service account; `system` only for the actor `systemCtx()`
   * builds. The kind is descriptive: power comes from `isSystemActor`, which recognises the very object
   * `systemCtx()` made, so no login, token, copy or name can produce it.
   */
  readonly kind: 'user' | 'system';
  userId: string;
  username: string;
  displayName: string;
  institutionId: string;
  institutionKind: string;
  unitId: string | null;
  roles: string[];
  permissions: Set<Permission>;
  scope: { national: boolean; departments: string[] };
  mustChangePassword?: boolean;
  sessionId?: string;
  tokenId?: string;
}

/** Passed explicitly from the route to services and repositories: no hidden global state. */
export interface Ctx {
  actor: Actor;
  requestId: string;
  ip?: string;
  /** Why identifying data is being read (X-Access-Reason); required for identity reads. */
  accessReason?: string;
  locale: 'es' | 'en';
  /** The request's Idempotency-Key header: a retried create answers with the record the first one made. */
  idempotencyKey?: string;
  /** The session's CSRF token, returned by /auth/me so a reloaded page can keep writing. */
  csrfToken?: string;
}

/** The actors `systemCtx()` made: the system capability. Module-private, so only this file can grant it. */
const systemActors = new WeakSet<Actor>();

/**
 * The context of the system itself (start-up, CLI, tests): not a person, never scoped by region or
 * institution. `permissions` lets a CLI command act with a stated set of permissions (e.g. exact figures).
 */
export function systemCtx(requestId = 'system', options: { locale?: Ctx['locale']; permissions?: Iterable<Permission> } = {}): Ctx {
  const actor: Actor = {
    kind: 'system',
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system',
    displayName: 'system',
    institutionId: '00000000-0000-0000-0000-000000000000',
    institutionKind: 'other',
    unitId: null,
    roles: [],
    permissions: new Set(options.permissions ?? []),
    scope: { national: true, departments: [] },
  };
  systemActors.add(actor);
  return { actor, requestId, locale: options.locale ?? 'es' };
}

/** True only for an actor made by `systemCtx()`: never decided by a username or any field a user can set. */
export const isSystemActor = (actor: Actor): boolean => systemActors.has(actor);
