import { describe, expect, it } from 'vitest';
import { countryToday, dateInTimeZone } from './country-date';

describe('country dates', () => {
  it('dates an evening in Lima on its own day, not on the UTC day after', () => {
    // 2026-03-08 20:30 in Lima is 2026-03-09 01:30 UTC.
    expect(countryToday(new Date('2026-03-09T01:30:00Z'))).toBe('2026-03-08');
    expect(countryToday(new Date('2026-03-09T05:00:00Z'))).toBe('2026-03-09');
  });

  it('takes another profile time zone', () => {
    expect(dateInTimeZone(new Date('2026-03-08T23:30:00Z'), 'Asia/Manila')).toBe('2026-03-09');
  });
});
