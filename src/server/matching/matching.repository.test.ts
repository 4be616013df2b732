import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../../test/case-factory';
import { makeInstitution, makeUnit } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { matchCandidates, persons } from '../../db/schema';
import { proposeMatches } from './matching.repository';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await createTestRegistry({ logLevel: 'error' });
});
afterAll(() => registry.close());

async function owner() {
  const institution = await makeInstitution(registry.deps);
  const unit = await makeUnit(registry.deps, institution.id);
  return { institutionId: institution.id, unitId: unit.id };
}

describe('proposeMatches(tx, personId)', () => {
  it('queues each pair once, in either direction, and skips merged records', async () => {
    const document = { type: 'dni', number: `7${Date.now() % 10_000_000}` };
    const [a, b, c] = await Promise.all([owner(), owner(), owner()]);
    const first = (await makeCase(registry.deps, a, { victims: [{ givenNames: 'Uno', document }] })).victims[0]!.personId;
    const second = (await makeCase(registry.deps, b, { victims: [{ givenNames: 'Dos', document }] })).victims[0]!.personId;
    const third = (await makeCase(registry.deps, c, { victims: [{ givenNames: 'Tres', document }] })).victims[0]!.personId;
    await registry.deps.db.update(persons).set({ mergedIntoId: first }).where(eq(persons.id, third));

    const proposed = await registry.deps.db.transaction((tx) => proposeMatches(tx, second));
    expect(proposed.proposed).toBe(1);
    expect(await registry.deps.db.transaction((tx) => proposeMatches(tx, first))).toEqual({ proposed: 0, candidateIds: [] });
    expect(await registry.deps.db.transaction((tx) => proposeMatches(tx, third))).toEqual({ proposed: 0, candidateIds: [] });
    const [row] = await registry.deps.db.select().from(matchCandidates).where(eq(matchCandidates.id, proposed.candidateIds[0]!));
    expect([row!.personAId, row!.personBId].sort()).toEqual([first, second].sort());
    expect(row!.personAId < row!.personBId).toBe(true);
    expect(row!.reasons).toEqual(['document']);
  });

  it('proposes nothing for a person without any blind index, or an unknown id', async () => {
    const o = await owner();
    const [row] = await registry.deps.db.insert(persons).values({ createdByInstitutionId: o.institutionId }).returning();
    expect(await proposeMatches(registry.deps.db, row!.id)).toEqual({ proposed: 0, candidateIds: [] });
    expect(await proposeMatches(registry.deps.db, '00000000-0000-4000-8000-000000000000')).toEqual({ proposed: 0, candidateIds: [] });
  });
});
