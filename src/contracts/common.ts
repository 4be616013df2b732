import { z } from 'zod';
import { isIsoCountry, isIsoCurrency } from '../core/iso-codes';
import { isCalendarPartialDate, isIsoDateInRange, isPartialDate, isYearInRange } from '../core/partial-date';

/**
 * Bounds shared by every contract, so that what the API accepts the database accepts too: PostgreSQL
 * `integer` columns (versions, counts) end at INT4_MAX, dates are real days between 1900 and 2100 (year 0000
 * would reach the database and fail there), codes belong to their ISO list, and every string has a maximum.
 */
export const INT4_MAX = 2_147_483_647;

/** `2026-03-08`, `2026-03` or `2026`: as much of a date as is known, year 1900–2100. */
export const partialDate = z
  .string()
  .max(10)
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { message: 'invalid_date' })
  .refine(isCalendarPartialDate, { message: 'invalid_date' })
  .refine(isPartialDate, { message: 'date_out_of_range' });

/** A full calendar date, `2026-03-08`, year 1900–2100. */
export const isoDate = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' })
  .refine(isCalendarPartialDate, { message: 'invalid_date' })
  .refine(isIsoDateInRange, { message: 'date_out_of_range' });

/** A date of birth: a real day from 1900 up to today. */
export const birthDate = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' })
  .refine(isCalendarPartialDate, { message: 'invalid_date' })
  .refine((value) => isIsoDateInRange(value) && value <= new Date().toISOString().slice(0, 10), { message: 'birth_date_out_of_range' });

/** An instant with its offset (`2026-03-08T14:05:00-05:00`), year 1900–2100. */
export const dateTime = z
  .iso.datetime({ offset: true })
  .max(40)
  .refine((value) => isYearInRange(Number(value.slice(0, 4))) && !Number.isNaN(Date.parse(value)), { message: 'date_out_of_range' });

export const ubigeoCode = z.string().max(6).regex(/^(\d{2}|\d{4}|\d{6})$/, { message: 'invalid_ubigeo' });
export const departmentCode = z.string().max(2).regex(/^\d{2}$/, { message: 'invalid_ubigeo' });
export const countryCode = z.string().max(3).regex(/^[A-Z]{3}$/, { message: 'invalid_country' }).refine(isIsoCountry, { message: 'invalid_country' });
export const currencyCode = z.string().max(3).regex(/^[A-Z]{3}$/, { message: 'invalid_currency' }).refine(isIsoCurrency, { message: 'invalid_currency' });
export const uuid = z.uuid();
/** Optimistic-locking version: a PostgreSQL integer. */
export const version = z.number().int().min(1).max(INT4_MAX);
/** The same in a query string (`DELETE …?version=3`). */
export const versionQueryValue = z.coerce.number().int().min(1).max(INT4_MAX);
export const shortText = z.string().trim().min(1).max(200);
export const longText = z.string().max(20_000);

export const idParams = z.object({ id: uuid });

/** Offset pagination, one style across the API: `?page=1&pageSize=25&sort=-registeredAt`. */
export const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  sort: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const listResponse = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  }),
});

/** Comma-separated values in a query string: `?purposes=sexual_exploitation,forced_labour`. */
export const csvList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(2000)
    .transform((value) => value.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item));
