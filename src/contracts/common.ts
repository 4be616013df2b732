import { z } from 'zod';

/** `2026-03-08`, `2026-03` or `2026`: as much of a date as is known. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { message: 'invalid_date' })
  .refine((value) => value.length < 10 || !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), { message: 'invalid_date' });

/** A full calendar date, `2026-03-08`. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), { message: 'invalid_date' });

export const ubigeoCode = z.string().regex(/^(\d{2}|\d{4}|\d{6})$/, { message: 'invalid_ubigeo' });
export const countryCode = z.string().regex(/^[A-Z]{3}$/, { message: 'invalid_country' });
export const uuid = z.uuid();
export const version = z.number().int().min(1);
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
