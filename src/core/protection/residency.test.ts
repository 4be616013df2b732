import { describe, expect, it } from 'vitest';
import { mayReceiveResidencyPermit } from './residency';

describe('residency permits', () => {
  it('are for foreign victims, including dual and unknown nationality, but not nationals', () => {
    expect(mayReceiveResidencyPermit(['VEN'])).toBe(true);
    expect(mayReceiveResidencyPermit([])).toBe(true);
    expect(mayReceiveResidencyPermit(['PER'])).toBe(false);
    expect(mayReceiveResidencyPermit(['VEN', 'PER'])).toBe(false);
    expect(mayReceiveResidencyPermit(['PER'], 'BOL')).toBe(true);
  });
});
