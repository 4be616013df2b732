import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchReasons, orderedPair, type MatchablePerson } from './match-rules';

const person = (over: Partial<MatchablePerson>): MatchablePerson => ({
  id: 'a', documentHash: null, nameHash: null, nameTokenHashes: [], sex: 'female', birthYear: 2000, ...over,
});

describe('match rules', () => {
  it('matches on the document or the full name hash', () => {
    expect(matchReasons(person({ documentHash: 'd' }), person({ id: 'b', documentHash: 'd' }))).toEqual(['document']);
    expect(matchReasons(person({ nameHash: 'n' }), person({ id: 'b', nameHash: 'n' }))).toEqual(['name']);
    expect(matchReasons(person({ documentHash: 'd' }), person({ id: 'b', documentHash: 'e' }))).toEqual([]);
  });

  it('needs two shared tokens, the same known sex and birth years within two', () => {
    const a = person({ nameTokenHashes: ['t1', 't2', 't3'], birthYear: 2000 });
    expect(matchReasons(a, person({ id: 'b', nameTokenHashes: ['t2', 't1'], birthYear: 2002 }))).toEqual(['name_tokens']);
    expect(matchReasons(a, person({ id: 'b', nameTokenHashes: ['t2', 't1'], birthYear: 2003 }))).toEqual([]);
    expect(matchReasons(a, person({ id: 'b', nameTokenHashes: ['t1', 't9'], birthYear: 2000 }))).toEqual([]);
    expect(matchReasons(a, person({ id: 'b', nameTokenHashes: ['t1', 't1'], birthYear: 2000 }))).toEqual([]);
    expect(matchReasons(a, person({ id: 'b', nameTokenHashes: ['t1', 't2'], sex: 'male' }))).toEqual([]);
    expect(matchReasons(a, person({ id: 'b', nameTokenHashes: ['t1', 't2'], birthYear: null }))).toEqual([]);
    const unknown = person({ nameTokenHashes: ['t1', 't2'], sex: 'unknown' });
    expect(matchReasons(unknown, { ...unknown, id: 'b' })).toEqual([]);
  });

  it('never matches a person with itself and is symmetric (property)', () => {
    const arb = fc.record({
      id: fc.uuid(),
      documentHash: fc.option(fc.constantFrom('d1', 'd2')),
      nameHash: fc.option(fc.constantFrom('n1', 'n2')),
      nameTokenHashes: fc.array(fc.constantFrom('t1', 't2', 't3', 't4'), { maxLength: 4 }),
      sex: fc.constantFrom('female', 'male', 'unknown'),
      birthYear: fc.option(fc.integer({ min: 1990, max: 2000 })),
    });
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        expect(matchReasons(a, a)).toEqual([]);
        if (a.id !== b.id) expect(matchReasons(a, b)).toEqual(matchReasons(b, a));
        const [first, second] = orderedPair(a.id, b.id);
        expect(first <= second).toBe(true);
      }),
    );
  });
});
