import { describe, expect, it } from 'vitest';
import { countingUnits, hasMeasureField, indicators, measureFields } from './indicators';

describe('measure fields (issue 9 item 8)', () => {
  it('every sum or median names a field its counting unit has', () => {
    const missing = indicators.filter((i) => !hasMeasureField(i)).map((i) => i.id);
    expect(missing).toEqual([]);
  });

  it('would catch an indicator naming a field its unit lacks', () => {
    expect(hasMeasureField({ unit: 'case', measure: { kind: 'sum', field: 'participants' } })).toBe(false);
    expect(hasMeasureField({ unit: 'prevention_activity', measure: { kind: 'sum', field: 'participants' } })).toBe(true);
    expect(Object.keys(measureFields).sort()).toEqual([...countingUnits].sort());
  });
});
