import { z } from 'zod';

export const ubigeoView = z.object({
  code: z.string(),
  level: z.number(),
  name: z.string(),
  parentCode: z.string().nullable(),
  departmentCode: z.string(),
});
export type UbigeoView = z.infer<typeof ubigeoView>;

export const ubigeoQuery = z.object({
  /** Children of this code (2 → provinces, 4 → districts); without it, the departments. */
  parent: z.string().max(4).regex(/^(\d{2}|\d{4})$/, { message: 'invalid_ubigeo' }).optional(),
  /** Name or code prefix, accent- and case-insensitive. */
  q: z.string().trim().max(100).optional(),
  /** Search every level (not only the parent's children). */
  all: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export const ubigeoListResponse = z.object({ items: z.array(ubigeoView) });

/** What an import did: counts and the rows it refused (line number, code, reason). */
export const ubigeoImportReport = z.object({
  rows: z.number(),
  provinces: z.object({ new: z.number(), updated: z.number(), unchanged: z.number() }),
  districts: z.object({ new: z.number(), updated: z.number(), unchanged: z.number() }),
  rejected: z.array(z.object({ line: z.number(), code: z.string().nullable(), reason: z.string() })),
});
export type UbigeoImportReport = z.infer<typeof ubigeoImportReport>;

export const countriesQuery = z.object({ locale: z.enum(['es', 'en']).optional() });
export const countryView = z.object({ code: z.string(), alpha2: z.string(), name: z.string() });
export const countriesResponse = z.object({ items: z.array(countryView) });

export const codesResponse = z.object({ lists: z.record(z.string(), z.array(z.string())) });

/** Boundaries for the maps: the departments (`level=1`), or the provinces of one department (`parent=08`). */
export const boundariesQuery = z.object({
  level: z.enum(['1', '2']).transform(Number).optional(),
  parent: z.string().regex(/^\d{2}$/, { message: 'invalid_value' }).optional(),
});
export const boundaryCollection = z.object({
  type: z.literal('FeatureCollection'),
  /** The attribution of the boundaries, shown with the map. */
  source: z.string().nullable(),
  features: z.array(z.object({
    type: z.literal('Feature'),
    id: z.string(),
    properties: z.object({ code: z.string(), name: z.string(), level: z.number().int() }),
    geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
  })),
});
export type BoundaryCollection = z.infer<typeof boundaryCollection>;
export const boundaryImportReport = z.object({
  features: z.number().int(),
  departments: z.number().int(),
  provinces: z.number().int(),
  rejected: z.array(z.object({ feature: z.number().int(), code: z.string().nullable(), reason: z.string() })),
});
export type BoundaryImportReport = z.infer<typeof boundaryImportReport>;
