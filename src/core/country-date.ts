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
