import { parseBoundaries } from '../../core/geo/boundaries';
import { departmentCodes, peruDepartments } from '../../core/geo/departments';
import type { BoundaryCollection, BoundaryImportReport } from '../../contracts/reference';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { translate } from '../../i18n/translate';
import { AppError } from '../errors/app-error';
import { listBoundaries, upsertBoundaries } from './boundaries.repository';

const departmentNames = new Map(peruDepartments.map((d) => [d.code, d.name]));

/** Map boundaries: imported by administrators (or the CLI) into the database, served to the web app. */
export function createBoundaryService(deps: Deps) {
  /** Loads the departments and provinces of a GeoJSON FeatureCollection; refused features are reported, the rest loaded. */
  async function importGeoJson(ctx: Ctx, input: unknown, source: string | null): Promise<BoundaryImportReport> {
    const parsed = parseBoundaries(input, departmentCodes);
    if (!parsed.rows.length) {
      const reason = parsed.rejected[0]?.reason ?? 'boundary_not_collection';
      throw new AppError('reference.invalid_file', 400, undefined, { file: reason }, { detail: translate(ctx.locale, 'validation', reason) ?? reason });
    }
    return deps.db.transaction(async (tx) => {
      await upsertBoundaries(tx, parsed.rows, source);
      const report = {
        features: parsed.rows.length + parsed.rejected.length,
        departments: parsed.rows.filter((r) => r.level === 1).length,
        provinces: parsed.rows.filter((r) => r.level === 2).length,
        rejected: parsed.rejected,
      };
      await writeAudit(tx, ctx, { action: 'reference.boundaries_import', entityType: 'reference', entityId: 'boundaries', details: { ...report, rejected: report.rejected.length, source } });
      return report;
    });
  }

  async function collection(query: { level?: number; parent?: string }): Promise<BoundaryCollection> {
    const rows = await listBoundaries(deps.db, query.parent ? { level: 2, parent: query.parent } : { level: query.level ?? 1 });
    return {
      type: 'FeatureCollection',
      source: rows.find((r) => r.source)?.source ?? null,
      features: rows.map((r) => ({
        type: 'Feature' as const,
        id: r.code,
        properties: { code: r.code, name: (r.level === 1 ? departmentNames.get(r.code) : undefined) ?? r.name, level: r.level },
        geometry: r.geometry as BoundaryCollection['features'][number]['geometry'],
      })),
    };
  }

  return { importGeoJson, collection };
}
