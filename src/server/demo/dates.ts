/** Whole-day arithmetic in UTC for the generator: days since 1970-01-01 ↔ ISO dates. */
const DAY = 86_400_000;

export const dayOf = (date: Date) => Math.floor(date.getTime() / DAY);
export const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
export const dateAt = (day: number, secondsInDay = 43_200) => new Date(day * DAY + secondsInDay * 1000);
export const firstDayOfYear = (year: number) => dayOf(new Date(Date.UTC(year, 0, 1)));
export const yearOfDay = (day: number) => new Date(day * DAY).getUTCFullYear();
