import { describe, expect, it } from 'vitest';
import { counterpartReason, normaliseFileNumber, reconcile, type CaseKeys } from './reconcile';

const keys = (id: string, extra: Partial<CaseKeys> = {}): CaseKeys => ({
  id, sharedWith: [], fileNumbers: [], personIds: [], documentHashes: [], nameHashes: [], factsStart: null, factsEnd: null, departments: [], ...extra,
});

describe('reconciliation between institutions', () => {
  it('pairs complaints on file numbers, persons, documents, or a name with facts that meet — never a name alone', () => {
    expect(normaliseFileNumber('pnp 2026/0077')).toBe(normaliseFileNumber('PNP-2026-0077'));
    expect(counterpartReason(keys('a', { fileNumbers: ['PNP-1'] }), 'P', keys('b', { fileNumbers: ['pnp 1'] }), 'F')).toBe('file_number');
    expect(counterpartReason(keys('a', { documentHashes: ['d'] }), 'P', keys('b', { documentHashes: ['d'] }), 'F')).toBe('person');
    expect(counterpartReason(keys('a', { nameHashes: ['n'] }), 'P', keys('b', { nameHashes: ['n'] }), 'F')).toBeNull();
    const dated = { nameHashes: ['n'], factsStart: '2025-01-01', factsEnd: '2025-03-31' };
    expect(counterpartReason(keys('a', dated), 'P', keys('b', { ...dated, factsStart: '2025-03-01', factsEnd: '2025-03-31' }), 'F')).toBe('name_and_facts');
    expect(counterpartReason(keys('a', dated), 'P', keys('b', { ...dated, factsStart: '2025-06-01', factsEnd: '2025-06-30' }), 'F')).toBeNull();
    expect(counterpartReason(keys('a', { nameHashes: ['n'], departments: ['15'] }), 'P', keys('b', { nameHashes: ['n'], departments: ['15'] }), 'F')).toBeNull();
    expect(counterpartReason(keys('a', { ...dated, departments: ['15'] }), 'P', keys('b', { ...dated, departments: ['08'] }), 'F')).toBeNull();
    expect(counterpartReason(keys('a', { ...dated, departments: ['15', '08'] }), 'P', keys('b', { ...dated, departments: ['08'] }), 'F')).toBe('name_and_facts');
    expect(counterpartReason(keys('a', { sharedWith: ['F'] }), 'P', keys('b'), 'F')).toBe('shared');
  });

  it('lists each side\'s complaints without a counterpart, and counts the matches by their strongest reason', () => {
    const ours = [keys('p1', { fileNumbers: ['X-1'], personIds: ['h'] }), keys('p2', { documentHashes: ['d2'] }), keys('p3', { nameHashes: ['n3'] }), keys('p4', { sharedWith: ['F'] })];
    const theirs = [keys('f1', { fileNumbers: ['x1'], personIds: ['h'] }), keys('f2', { documentHashes: ['d2'] }), keys('f3', { nameHashes: ['n3'], departments: ['08'] }), keys('f4', { sharedWith: ['P'] })];
    const result = reconcile(ours, 'P', theirs, 'F');
    expect(result.oursUnmatched).toEqual(['p3']);
    expect(result.theirsUnmatched).toEqual(['f3']);
    expect(result.matchedBy).toEqual({ shared: 1, file_number: 1, person: 1, name_and_facts: 0 });
  });
});
