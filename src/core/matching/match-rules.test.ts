import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confirmationProgress, matchReasons, orderedPair, type MatchablePerson } from './match-rules';

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

describe('two-sided confirmation', () => {
  it('needs one confirmation when one institution holds both records', () => {
    expect(confirmationProgress(['x', 'x'], [])).toEqual({ crossInstitution: false, confirmed: [], waitingFor: ['x'], complete: false });
    expect(confirmationProgress(['x'], ['x'])).toMatchObject({ crossInstitution: false, complete: true });
  });

  it('waits for every institution holding either record, and ignores confirmations of institutions no longer involved', () => {
    expect(confirmationProgress(['a', 'b', 'a'], ['a'])).toEqual({ crossInstitution: true, confirmed: ['a'], waitingFor: ['b'], complete: false });
    expect(confirmationProgress(['a', 'b', 'c'], ['c', 'a', 'z'])).toEqual({ crossInstitution: true, confirmed: ['a', 'c'], waitingFor: ['b'], complete: false });
    expect(confirmationProgress(['a', 'b'], ['b', 'a'])).toMatchObject({ complete: true, waitingFor: [] });
  });

  it('is complete exactly when every holder has confirmed (any order, any repetition)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd')), (holders, confirmed) => {
        const progress = confirmationProgress(holders, confirmed);
        expect(progress.complete).toBe(holders.every((h) => confirmed.includes(h)));
        expect(progress.crossInstitution).toBe(new Set(holders).size > 1);
      }),
    );
  });
});
