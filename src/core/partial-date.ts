/**
 * Dates known only in part: `2016`, `2016-05` or `2016-05-14` (ISO 8601 reduced precision). Queries and
 * legal rules use the earliest and latest day the value allows.
 */
export interface DateBounds {
  start: string;
  end: string;
}

const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * The years a date of the registry may carry (facts, reports, decisions, stays…): PostgreSQL refuses year 0000
 * and the registry has no business with years its people cannot have lived in. Birth dates end today instead.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** A well-formed partial date of a real calendar day or month (any year: stored data is read back as it is). */
export function isCalendarPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  if (!match[3]) return true;
  return daysInMonth(Number(match[1]), Number(match[2])) >= Number(match[3]);
}

/** A partial date that may be written: a real calendar day, month or year between MIN_YEAR and MAX_YEAR. */
export function isPartialDate(value: string): boolean {
  return isCalendarPartialDate(value) && isYearInRange(Number(value.slice(0, 4)));
}

export const isYearInRange = (year: number): boolean => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;

/** `YYYY-MM-DD` that names a real day (not `2026-02-30`, not year 0000) between MIN_YEAR and MAX_YEAR. */
export const isIsoDateInRange = (value: string): boolean => value.length === 10 && isPartialDate(value);

export function daysInMonth(year: number, month: number): number {
  const last = new Date(Date.UTC(2000, month, 0));
  last.setUTCFullYear(year, month, 0); // years 0–99 would otherwise be read as 1900–1999
  return last.getUTCDate();
}

/** `2016` → 2016-01-01…2016-12-31; `2016-05` → 2016-05-01…2016-05-31; a full date → that day. */
export function partialDateBounds(value: string): DateBounds {
  if (!isCalendarPartialDate(value)) throw new RangeError(`not a partial date: ${value}`);
  if (value.length === 10) return { start: value, end: value };
  if (value.length === 7) {
    const [year, month] = value.split('-').map(Number) as [number, number];
    return { start: `${value}-01`, end: `${value}-${String(daysInMonth(year, month)).padStart(2, '0')}` };
  }
  return { start: `${value}-01-01`, end: `${value}-12-31` };
}

/**
 * The span of a from/to pair: from the start of `from` to the end of `to` (or of `from` when there is no
 * `to`). Null when nothing is known.
 */
export function partialRangeBounds(from: string | null | undefined, to: string | null | undefined): DateBounds | null {
  if (!from && !to) return null;
  const start = partialDateBounds((from ?? to)!).start;
  const end = partialDateBounds((to ?? from)!).end;
  return { start, end };
}

/** True when the range is reversed (the end of the span before its start). */
export function isReversedRange(from: string | null | undefined, to: string | null | undefined): boolean {
  if (!from || !to) return false;
  return partialDateBounds(to).end < partialDateBounds(from).start;
}
