import { describe, expect, it } from 'vitest';
import { formatDate, formatDay } from './format';

describe('dates shown to people', () => {
  it('an instant is shown on the country day, not the UTC day', () => {
    // 02:00 UTC on 1 March is 21:00 on 28 February in Lima (UTC−5).
    expect(formatDay('2026-03-01T02:00:00.000Z', 'en')).toBe(formatDate('2026-02-28', 'en'));
    expect(formatDay('2026-03-01T05:00:00.000Z', 'es')).toBe(formatDate('2026-03-01', 'es'));
  });

  it('nothing known is a dash; an unreadable value is shown as it came', () => {
    expect(formatDay(null, 'es')).toBe('—');
    expect(formatDay('not a date', 'es')).toBe('not a date');
  });

  it('partial dates keep their precision', () => {
    expect(formatDate('2016', 'es')).toBe('2016');
    expect(formatDate('2016-05', 'en')).toBe('May 2016');
  });
});
