import { describe, expect, it } from 'vitest';
import { isCalendarPartialDate, isPartialDate, isReversedRange, partialDateBounds, partialRangeBounds } from './partial-date';
import { formatCaseCode, parseCaseCode } from './case-code';

describe('partial dates', () => {
  it('bounds a year, a month and a day', () => {
    expect(partialDateBounds('2016')).toEqual({ start: '2016-01-01', end: '2016-12-31' });
    expect(partialDateBounds('2016-05')).toEqual({ start: '2016-05-01', end: '2016-05-31' });
    expect(partialDateBounds('2016-02')).toEqual({ start: '2016-02-01', end: '2016-02-29' });
    expect(partialDateBounds('2017-02')).toEqual({ start: '2017-02-01', end: '2017-02-28' });
    expect(partialDateBounds('2016-05-14')).toEqual({ start: '2016-05-14', end: '2016-05-14' });
  });

  it('rejects what is not a date', () => {
    expect(isPartialDate('2016-13')).toBe(false);
    expect(isPartialDate('2017-02-29')).toBe(false);
    expect(isPartialDate('16-05')).toBe(false);
    expect(() => partialDateBounds('2016-5')).toThrow(RangeError);
  });

  it('accepts only years 1900–2100 for writing (PostgreSQL has no year 0000), yet still bounds stored values', () => {
    for (const bad of ['0000', '0000-01', '0000-01-01', '1899-12-31', '2101', '9999-12-31']) expect(isPartialDate(bad), bad).toBe(false);
    for (const good of ['1900', '1900-01-01', '2100-12-31', '2000-02-29']) expect(isPartialDate(good), good).toBe(true);
    expect(isPartialDate('1900-02-29')).toBe(false);
    expect(isCalendarPartialDate('0004-02-29')).toBe(true);
    expect(partialDateBounds('1850-02')).toEqual({ start: '1850-02-01', end: '1850-02-28' });
  });

  it('spans a from/to pair and detects reversed ranges', () => {
    expect(partialRangeBounds('2015', '2016-03')).toEqual({ start: '2015-01-01', end: '2016-03-31' });
    expect(partialRangeBounds('2015-06', null)).toEqual({ start: '2015-06-01', end: '2015-06-30' });
    expect(partialRangeBounds(null, null)).toBeNull();
    expect(isReversedRange('2016', '2015-12')).toBe(true);
    expect(isReversedRange('2016-05', '2016')).toBe(false);
  });
});

describe('case codes', () => {
  it('formats and parses RETA-<year>-<6 digits>', () => {
    expect(formatCaseCode(2026, 123)).toBe('RETA-2026-000123');
    expect(parseCaseCode('reta-2026-000123')).toEqual({ year: 2026, sequence: 123 });
    expect(parseCaseCode('RETA-26-1')).toBeNull();
    expect(() => formatCaseCode(2026, 0)).toThrow();
  });
});
