import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePalermo } from './palermo';

const adult = { ageGroup: 'adult' as const };
const child = { ageGroup: 'child' as const };
const presumed = { ageGroup: 'presumed_child' as const };

describe('Palermo test', () => {
  it('act, means and purpose make trafficking', () => {
    const result = evaluatePalermo({ acts: ['recruitment'], means: ['deception'], purposes: ['forced_labour'], victims: [adult] });
    expect(result).toEqual({ isTrafficking: true, hasAct: true, hasMeans: true, hasPurpose: true, hasChildVictim: false, missing: [] });
  });

  it('a child victim makes means unnecessary', () => {
    expect(evaluatePalermo({ acts: ['receipt'], means: [], purposes: ['sexual_exploitation'], victims: [adult, child] }).isTrafficking).toBe(true);
    expect(evaluatePalermo({ acts: ['receipt'], means: [], purposes: ['sexual_exploitation'], victims: [presumed] }).isTrafficking).toBe(true);
  });

  it('adults without means are not trafficking, and means are named as missing', () => {
    const result = evaluatePalermo({ acts: ['receipt'], means: [], purposes: ['sexual_exploitation'], victims: [adult] });
    expect(result.isTrafficking).toBe(false);
    expect(result.missing).toEqual(['means']);
  });

  it('means recorded on a victim count', () => {
    expect(evaluatePalermo({ acts: ['receipt'], means: [], purposes: ['forced_labour'], victims: [{ ageGroup: 'adult', means: ['debt_bondage'] }] }).isTrafficking).toBe(true);
  });

  it('names every missing element', () => {
    expect(evaluatePalermo({ acts: [], means: [], purposes: [], victims: [] }).missing).toEqual(['act', 'means', 'purpose']);
    expect(evaluatePalermo({ acts: [], means: [], purposes: [], victims: [child] }).missing).toEqual(['act', 'purpose']);
  });

  it('is trafficking exactly when nothing is missing', () => {
    const list = fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 });
    const victims = fc.array(fc.record({ ageGroup: fc.constantFrom('child', 'presumed_child', 'adult' as const) }), { maxLength: 3 });
    fc.assert(
      fc.property(list, list, list, victims, (acts, means, purposes, vs) => {
        const result = evaluatePalermo({ acts, means, purposes, victims: vs as never });
        const expected = acts.length > 0 && purposes.length > 0 && (means.length > 0 || vs.some((v) => v.ageGroup !== 'adult'));
        expect(result.isTrafficking).toBe(expected);
        expect(result.missing.length === 0).toBe(expected);
      }),
    );
  });
});
