import { and, eq } from 'drizzle-orm';
import { makeCase, type CaseFactoryInput } from '../../../test/case-factory';
import { makeUser, makeUnit, type MadeUser } from '../../../test/factories';
import type { TestRegistry } from '../../../test/registry';
import { auditLog } from '../../db/schema';

/** A police unit owning a case with two victims (one consenting, one not) and a shelter institution. */
export async function protectionWorld(registry: TestRegistry, input: CaseFactoryInput = {}) {
  const police = await makeUser(registry, { roles: ['investigator'] });
  const shelterStaff = await makeUser(registry, { roles: ['social_worker'] });
  const made = await makeCase(registry.deps, police, {
    victims: [{ consentToServices: true }, { consentToServices: false, givenNames: 'Rosa' }],
    ...input,
  });
  const [consenting, refusing] = made.victims as [(typeof made.victims)[0], (typeof made.victims)[0]];
  return { police, shelterStaff, case: made.case, victims: made.victims, consenting, refusing };
}

export async function colleague(registry: TestRegistry, of: MadeUser, roles: Parameters<typeof makeUser>[1]['roles'], sameUnit = true) {
  const unitId = sameUnit ? of.unitId : (await makeUnit(registry.deps, of.institutionId)).id;
  return makeUser(registry, { roles, institutionId: of.institutionId, unitId });
}

export async function auditEntries(registry: TestRegistry, action: string, entityId: string) {
  return registry.deps.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId))).orderBy(auditLog.id);
}
