/**
 * Reading a GeoJSON FeatureCollection of boundaries (departments and provinces) for the maps. Pure: the
 * import (src/server/reference) stores what this accepts. A feature names its division by a 6-digit INEI
 * UBIGEO (`ubigeo`: `080000` a department, `080100` a province) or by `ccdd` (+ `ccpp`); its geometry is a
 * Polygon or MultiPolygon of longitude/latitude pairs. Districts and anything else are refused with a reason:
 * a code of the validation catalogue (`boundary_*`, src/i18n/{es,en}/validation.ts).
 */
export interface BoundaryRow {
  code: string;
  level: 1 | 2;
  name: string;
  parentCode: string | null;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
}

export interface BoundaryParse {
  rows: BoundaryRow[];
  rejected: Array<{ feature: number; code: string | null; reason: string }>;
}

export const MAX_BOUNDARY_FEATURES = 5000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');

/** "LA CONVENCION" → "La Convencion": the files write names in capitals. Names already in mixed case are kept. */
export function displayName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  const small = new Set(['de', 'del', 'la', 'las', 'los', 'y']);
  return name
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w, i) => (i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

function ringOk(ring: unknown): boolean {
  return Array.isArray(ring) && ring.length >= 4 && ring.every((p) => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90);
}
const polygonOk = (poly: unknown) => Array.isArray(poly) && poly.length >= 1 && poly.every(ringOk);

function codeOf(props: Record<string, unknown>): { code: string; level: 1 | 2 } | string {
  const ubigeo = text(props.ubigeo ?? props.UBIGEO ?? props.code);
  if (ubigeo) {
    if (/^\d{2}0000$/.test(ubigeo) || /^\d{2}$/.test(ubigeo)) return { code: ubigeo.slice(0, 2), level: 1 };
    if (/^\d{4}00$/.test(ubigeo) || /^\d{4}$/.test(ubigeo)) return { code: ubigeo.slice(0, 4), level: 2 };
    if (/^\d{6}$/.test(ubigeo)) return 'boundary_district';
    return 'boundary_bad_code';
  }
  const dd = text(props.ccdd ?? props.CCDD);
  const pp = text(props.ccpp ?? props.CCPP);
  if (/^\d{2}$/.test(dd)) return pp ? (/^\d{2}$/.test(pp) ? { code: dd + pp, level: 2 } : 'boundary_bad_code') : { code: dd, level: 1 };
  return 'boundary_no_code';
}

/** The divisions of a FeatureCollection, or why each refused feature was refused; `departments` are the country's. */
export function parseBoundaries(input: unknown, departments: ReadonlySet<string>): BoundaryParse {
  if (!isRecord(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    return { rows: [], rejected: [{ feature: 0, code: null, reason: 'boundary_not_collection' }] };
  }
  if (input.features.length > MAX_BOUNDARY_FEATURES) return { rows: [], rejected: [{ feature: 0, code: null, reason: 'boundary_too_many' }] };
  const rows = new Map<string, BoundaryRow>();
  const rejected: BoundaryParse['rejected'] = [];
  input.features.forEach((feature, i) => {
    const n = i + 1;
    if (!isRecord(feature) || !isRecord(feature.properties) || !isRecord(feature.geometry)) return void rejected.push({ feature: n, code: null, reason: 'boundary_not_feature' });
    const id = codeOf(feature.properties);
    if (typeof id === 'string') return void rejected.push({ feature: n, code: text(feature.properties.ubigeo) || null, reason: id });
    if (!departments.has(id.code.slice(0, 2))) return void rejected.push({ feature: n, code: id.code, reason: 'boundary_unknown_department' });
    const { type, coordinates } = feature.geometry;
    const valid = Array.isArray(coordinates) && coordinates.length > 0 && (type === 'Polygon' ? polygonOk(coordinates) : type === 'MultiPolygon' ? coordinates.every(polygonOk) : false);
    if (!valid) return void rejected.push({ feature: n, code: id.code, reason: 'boundary_bad_geometry' });
    const name = text(feature.properties.nombre ?? feature.properties.name ?? feature.properties.NOMBRE);
    if (!name) return void rejected.push({ feature: n, code: id.code, reason: 'boundary_no_name' });
    if (rows.has(id.code)) return void rejected.push({ feature: n, code: id.code, reason: 'boundary_duplicate' });
    rows.set(id.code, { code: id.code, level: id.level, name: displayName(name).slice(0, 200), parentCode: id.level === 2 ? id.code.slice(0, 2) : null, geometry: { type, coordinates } as BoundaryRow['geometry'] });
  });
  return { rows: [...rows.values()], rejected };
}
