import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeFields, sameValue } from './field-merge';

describe('field-by-field merge', () => {
  it('lets a change through when the field still holds its base value, or already holds the new value', () => {
    expect(mergeFields({ a: 1, b: 'x' }, { a: 1 }, { a: 2 }).conflicts).toEqual([]);
    expect(mergeFields({ a: 2 }, { a: 1 }, { a: 2 }).conflicts).toEqual([]);
  });

  it('reports a field changed on both sides to different values, with both values and the base', () => {
    expect(mergeFields({ a: 3, b: true }, { a: 1, b: false }, { a: 2, b: false })).toEqual({ conflicts: [{ field: 'a', mine: 2, theirs: 3, base: 1 }], unchanged: ['b'] });
  });

  it('treats code lists as sets, and null, undefined and empty text as the same empty value', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue(['a'], ['a', 'a', 'b'])).toBe(false);
    expect(mergeFields({ acts: ['b', 'a'] }, { acts: ['a', 'b'] }, { acts: ['c'] }).conflicts).toEqual([]);
  });

  it('never lets a change overwrite a value someone else wrote since the base (property)', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y', null));
    fc.assert(
      fc.property(value, value, value, (current, base, mine) => {
        const { conflicts } = mergeFields({ f: current }, { f: base }, { f: mine });
        const overwrites = !sameValue(current, base) && !sameValue(current, mine) && !sameValue(mine, base);
        expect(conflicts.length > 0).toBe(overwrites);
      }),
    );
  });
});
