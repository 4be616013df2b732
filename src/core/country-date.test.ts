import { describe, expect, it } from 'vitest';
import { countryToday, dateInTimeZone, startOfNextDayInTimeZone, startOfDayInTimeZone } from './country-date';

describe('country dates', () => {
  it('dates an evening in Lima on its own day, not on the UTC day after', () => {
    // 2026-03-08 20:30 in Lima is 2026-03-09 01:30 UTC.
    expect(countryToday(new Date('2026-03-09T01:30:00Z'))).toBe('2026-03-08');
    expect(countryToday(new Date('2026-03-09T05:00:00Z'))).toBe('2026-03-09');
  });

  it('takes another profile time zone', () => {
    expect(dateInTimeZone(new Date('2026-03-08T23:30:00Z'), 'Asia/Manila')).toBe('2026-03-09');
  });

  it('bounds a calendar day by the country clock', () => {
    expect(startOfDayInTimeZone('2026-03-08').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfNextDayInTimeZone('2026-03-08').toISOString()).toBe('2026-03-09T05:00:00.000Z');
    expect(startOfDayInTimeZone('2026-12-31', 'Asia/Manila').toISOString()).toBe('2026-12-30T16:00:00.000Z');
    // A day that starts in winter time and ends in summer time (Madrid, 29 March 2026) lasts 23 hours.
    expect(startOfDayInTimeZone('2026-03-29', 'Europe/Madrid').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfNextDayInTimeZone('2026-03-29', 'Europe/Madrid').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});
