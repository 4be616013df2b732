import type { Permission } from '../core/permissions';

/** Who is acting: a signed-in person or a service account using an API token. */
export interface Actor {
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
  /** The session's CSRF token, returned by /auth/me so a reloaded page can keep writing. */
  csrfToken?: string;
}

/** The context of the system itself (start-up, CLI): not a person, never scoped by region. */
export function systemCtx(requestId = 'system'): Ctx {
  return {
    actor: {
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'system',
      displayName: 'system',
      institutionId: '00000000-0000-0000-0000-000000000000',
      institutionKind: 'other',
      unitId: null,
      roles: [],
      permissions: new Set(),
      scope: { national: true, departments: [] },
    },
    requestId,
    locale: 'es',
  };
}

export const isSystemActor = (actor: Actor) => actor.username === 'system';
