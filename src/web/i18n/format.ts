import { useTranslation } from 'react-i18next';
import { dateInTimeZone } from '../../core/country-date';

const localeTag = (lng: string) => (lng === 'en' ? 'en-GB' : 'es-PE');

/** Dates as people read them in the chosen language; partial dates (2026-03, 2026) keep their precision. */
export function formatDate(value: string | null | undefined, lng: string): string {
  if (!value) return '—';
  const tag = localeTag(lng);
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) {
    return new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${value}-01T00:00:00Z`));
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * The calendar day of an instant (a registration, a call) as people in the country date it: the country
 * profile's time zone, not UTC (`2026-03-01T02:00Z` is still 28 February in Lima).
 */
export function formatDay(instant: string | null | undefined, lng: string): string {
  if (!instant) return '—';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return formatDate(dateInTimeZone(date), lng);
}

export function formatNumber(value: number | null | undefined, lng: string, options?: Intl.NumberFormatOptions): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(localeTag(lng), options).format(value);
}

/** Formatting helpers bound to the current language, plus the label of a code (`codes` namespace). */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return {
    t,
    lng,
    date: (value: string | null | undefined) => formatDate(value, lng),
    /** The country's calendar day of an instant (see formatDay). */
    day: (instant: string | null | undefined) => formatDay(instant, lng),
    number: (value: number | null | undefined, options?: Intl.NumberFormatOptions) => formatNumber(value, lng, options),
    percent: (value: number | null | undefined) => formatNumber(value, lng, { style: 'percent', maximumFractionDigits: 1 }),
    code: (list: string, value: string | null | undefined) => (value ? t(`${list}.${value}`, { ns: 'codes', defaultValue: value }) : '—'),
    codes: (list: string, values: readonly string[] | null | undefined) =>
      values && values.length ? values.map((v) => t(`${list}.${v}`, { ns: 'codes', defaultValue: v })).join(', ') : '—',
  };
}
