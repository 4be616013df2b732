/**
 * Calendar dates as people in the country write them. An instant (a registration, a call) falls on the
 * date of the country profile's civil time zone, not on the UTC date: in Peru (UTC−5) anything after
 * 19:00 would otherwise be dated tomorrow. SQL does the same with `at time zone` (stats.sources limaDate).
 */
export const COUNTRY_TIME_ZONE = 'America/Lima';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of `instant` in `timeZone`. */
export function dateInTimeZone(instant: Date, timeZone: string = COUNTRY_TIME_ZONE): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

/** Today's date in the country. */
export const countryToday = (now: Date = new Date()): string => dateInTimeZone(now);

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the civil clock of `timeZone` is ahead of UTC at `instant`. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  let formatter = clockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    clockFormatters.set(timeZone, formatter);
  }
  const part = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const clock = Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day), Number(part.hour), Number(part.minute), Number(part.second));
  return clock - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The first instant of the calendar date `date` (`YYYY-MM-DD`) in `timeZone`. */
export function startOfDayInTimeZone(date: string, timeZone: string = COUNTRY_TIME_ZONE): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  // Two passes settle a day whose offset differs from the offset at UTC midnight (daylight saving).
  let start = midnightUtc - zoneOffsetMs(new Date(midnightUtc), timeZone);
  start = midnightUtc - zoneOffsetMs(new Date(start), timeZone);
  return new Date(start);
}

/** The first instant AFTER the calendar date `date` in `timeZone` (an exclusive upper bound for "up to that day"). */
export function startOfNextDayInTimeZone(date: string, timeZone: string = COUNTRY_TIME_ZONE): Date {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return startOfDayInTimeZone(next, timeZone);
}
