import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianOf, percentOf } from './rounding';

describe('percentOf', () => {
  it('rounds half-up on exact arithmetic', () => {
    expect(percentOf(527, 1334, 2)).toBe('39.51'); // 39.50524…
    expect(percentOf(1, 8, 1)).toBe('12.5');
    expect(percentOf(1, 16, 1)).toBe('6.3'); // 6.25 → 6.3 (a float would give 6.2 or 6.3 by accident)
    expect(percentOf(1, 200, 0)).toBe('1'); // 0.5 → 1
    expect(percentOf(14, 117, 1)).toBe('12.0');
    expect(percentOf(0, 5, 2)).toBe('0.00');
    expect(percentOf(3, 0, 2)).toBeNull();
  });

  it('agrees with decimal reasoning on random counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 3 }), (whole, raw, d) => {
        const part = raw % (whole + 1);
        const text = percentOf(part, whole, d)!;
        const scaled = BigInt(text.replace('.', ''));
        // scaled/10^d is within half a unit of part*100/whole, and exactly half rounds up
        const lhs = 2n * scaled * BigInt(whole);
        const exact = 2n * BigInt(part) * 100n * 10n ** BigInt(d);
        expect(lhs - exact <= BigInt(whole)).toBe(true);
        expect(exact - lhs < BigInt(whole)).toBe(true);
      }),
    );
  });
});

describe('medianOf', () => {
  it('takes the middle or the midpoint', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([96, 12, 60])).toBe(60);
    expect(medianOf([96, 12, 60, 100])).toBe(78);
  });
});
