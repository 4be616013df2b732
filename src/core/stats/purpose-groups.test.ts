import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { purposes } from '../codes';
import { mainPurposeGroup, purposeGroupOf } from './purpose-groups';

describe('GLOTIP purpose groups (issue 9 item 3)', () => {
  it('groups every detailed form, forced begging under other purposes', () => {
    expect(Object.keys(mainPurposeGroup).sort()).toEqual([...purposes].sort());
    expect(mainPurposeGroup.forced_begging).toBe('other');
    expect(mainPurposeGroup.domestic_servitude).toBe('labour');
    expect(mainPurposeGroup.child_pornography).toBe('sexual');
  });

  it('gives a record exactly one group: mixed for sexual and labour together', () => {
    expect(purposeGroupOf(['sexual_exploitation', 'forced_labour'])).toBe('mixed');
    expect(purposeGroupOf(['sexual_exploitation', 'forced_begging'])).toBe('sexual');
    expect(purposeGroupOf(['forced_labour', 'forced_begging'])).toBe('labour');
    expect(purposeGroupOf(['forced_begging'])).toBe('other');
    expect(purposeGroupOf([])).toBeNull();
  });

  it('never calls a record mixed unless it has both a sexual and a labour form', () => {
    fc.assert(
      fc.property(fc.subarray([...purposes], { minLength: 1 }), (forms) => {
        const groups = new Set(forms.map((f) => mainPurposeGroup[f]));
        expect(purposeGroupOf(forms) === 'mixed').toBe(groups.has('sexual') && groups.has('labour'));
      }),
    );
  });
});
