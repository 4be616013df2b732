import { eq } from 'drizzle-orm';
import { permissionsOf } from '../../core/permissions';
import type { Tx } from '../../db/connect';
import { institutions, users } from '../../db/schema';
import type { Actor } from '../context';

/** Builds the actor for a user id, or undefined when the user is unknown or disabled. */
export async function loadActor(db: Tx, userId: string): Promise<Actor | undefined> {
  const [row] = await db
    .select({ user: users, institutionKind: institutions.kind })
    .from(users)
    .innerJoin(institutions, eq(users.institutionId, institutions.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.user.disabledAt) return undefined;
  const { user } = row;
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    institutionId: user.institutionId,
    institutionKind: row.institutionKind,
    unitId: user.unitId,
    roles: user.roles,
    permissions: permissionsOf(user.roles),
    scope: { national: user.scopeNational, departments: user.scopeDepartments },
    mustChangePassword: user.mustChangePassword,
  };
}
