import { eq, inArray, or } from 'drizzle-orm';
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
  /** The candidate pairs that involve any of the persons. */
  async function pairsOf(...personIds: string[]) {
    const rows = await registry.deps.db.select().from(matchCandidates).where(or(inArray(matchCandidates.personAId, personIds), inArray(matchCandidates.personBId, personIds)));
    return rows.map((r) => ({ pair: [r.personAId, r.personBId], ordered: r.personAId < r.personBId, reasons: r.reasons }));
  }
  const victimOf = async (by: { institutionId: string; unitId: string }, givenNames: string, document: { type: string; number: string }) =>
    (await makeCase(registry.deps, by, { victims: [{ givenNames, document }] })).victims[0]!.personId;

  it('queues each pair once, in either direction, and skips merged records', async () => {
    const document = { type: 'dni', number: `7${Date.now() % 10_000_000}` };
    const [a, b, c, d] = await Promise.all([owner(), owner(), owner(), owner()]);
    // Registration queues the new person and the queue is drained after commit: the pair is proposed then.
    const first = await victimOf(a, 'Uno', document);
    const second = await victimOf(b, 'Dos', document);
    expect(await pairsOf(first, second)).toEqual([{ pair: [first, second].sort(), ordered: true, reasons: ['document'] }]);
    // Matching either person again proposes nothing new.
    expect(await registry.deps.db.transaction((tx) => proposeMatches(tx, second))).toEqual({ proposed: 0, candidateIds: [] });
    expect(await registry.deps.db.transaction((tx) => proposeMatches(tx, first))).toEqual({ proposed: 0, candidateIds: [] });

    // A third record of the same person, then merged into the first (the effect of a confirmed merge on the person).
    const third = await victimOf(c, 'Tres', document);
    expect(await pairsOf(third)).toHaveLength(2);
    await registry.deps.db.update(persons).set({ mergedIntoId: first }).where(eq(persons.id, third));
    expect(await registry.deps.db.transaction((tx) => proposeMatches(tx, third))).toEqual({ proposed: 0, candidateIds: [] });
    // A fourth is proposed against the two live records only, never against the merged one.
    const fourth = await victimOf(d, 'Cuatro', document);
    const fourthPairs = await pairsOf(fourth);
    expect(fourthPairs.map((p) => p.pair.find((id) => id !== fourth)).sort()).toEqual([first, second].sort());
    expect(fourthPairs.every((p) => p.ordered && p.reasons.includes('document'))).toBe(true);
  });

  it('proposes nothing for a person without any blind index, or an unknown id', async () => {
    const o = await owner();
    const [row] = await registry.deps.db.insert(persons).values({ createdByInstitutionId: o.institutionId }).returning();
    expect(await proposeMatches(registry.deps.db, row!.id)).toEqual({ proposed: 0, candidateIds: [] });
    expect(await proposeMatches(registry.deps.db, '00000000-0000-4000-8000-000000000000')).toEqual({ proposed: 0, candidateIds: [] });
  });
});
