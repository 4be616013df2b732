import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '../src/core/permissions';
import { users } from '../src/db/schema';
import { createAdminService } from '../src/server/admin/admin.service';
import { systemCtx } from '../src/server/context';
import type { Deps } from '../src/server/deps';
import { loginAs, type ApiClient } from './api-client';
import type { TestRegistry } from './registry';

/** Unique codes per call, so tests never collide on each other's data. */
export const uniqueCode = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export async function makeInstitution(deps: Deps, kind = 'police', name?: string) {
  const code = uniqueCode(kind.toUpperCase());
  return createAdminService(deps).createInstitution(systemCtx('test'), { code, name: name ?? `Institution ${code}`, kind: kind as never });
}

export async function makeUnit(deps: Deps, institutionId: string, ubigeo = '15') {
  const code = uniqueCode('UNIT');
  return createAdminService(deps).createUnit(systemCtx('test'), { institutionId, code, name: `Unit ${code}`, ubigeo });
}

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';

export interface MadeUser {
  id: string;
  username: string;
  institutionId: string;
  unitId: string | null;
  client: ApiClient;
}

/**
 * A user with the given roles, already signed in. Without an institution, one is made (of a kind that
 * fits the first role) with a unit in `departments[0]` (Lima by default).
 */
export async function makeUser(
  registry: TestRegistry,
  options: { roles: Role[]; institutionId?: string; unitId?: string | null; departments?: string[]; national?: boolean; kind?: string },
): Promise<MadeUser> {
  const { deps, app } = registry;
  const departments = options.departments ?? ['15'];
  const institutionId = options.institutionId ?? (await makeInstitution(deps, options.kind ?? kindFor(options.roles[0]!))).id;
  const unitId = options.unitId === undefined ? (await makeUnit(deps, institutionId, departments[0])).id : options.unitId;
  const username = uniqueCode(options.roles[0]!).toLowerCase();
  const user = await createAdminService(deps).createUser(systemCtx('test'), {
    username,
    displayName: username,
    institutionId,
    unitId,
    roles: options.roles,
    scope: { national: options.national ?? false, departments: options.national ? [] : departments },
    password: TEST_PASSWORD,
    isServiceAccount: false,
  });
  await deps.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
  const client = await loginAs(app, username, TEST_PASSWORD);
  return { id: user.id, username, institutionId, unitId, client };
}

function kindFor(role: string): string {
  switch (role) {
    case 'prosecutor':
      return 'prosecution';
    case 'court_clerk':
      return 'judiciary';
    case 'social_worker':
      return 'social_services';
    case 'hotline_operator':
      return 'hotline';
    case 'labour_inspector':
      return 'labour_inspection';
    case 'analyst':
    case 'administrator':
      return 'other';
    default:
      return 'police';
  }
}
