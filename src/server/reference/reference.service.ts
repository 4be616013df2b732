import { asc, eq, type SQL } from 'drizzle-orm';
import { stripAccents } from '../../core/normalise';
import { ubigeo } from '../../db/schema';
import type { UbigeoImportReport } from '../../contracts/reference';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { importUbigeo } from './ubigeo.import';

const fold = (value: string) => stripAccents(value).toUpperCase();

/** Reference data: the UBIGEO tree (departments built in, the rest imported) for pickers and checks. */
export function createReferenceService(deps: Deps) {
  async function importUbigeoCsv(ctx: Ctx, text: string): Promise<UbigeoImportReport> {
    return deps.db.transaction(async (tx) => {
      const report = await importUbigeo(tx, text);
      await writeAudit(tx, ctx, {
        action: 'reference.ubigeo_import',
        entityType: 'reference',
        entityId: 'ubigeo',
        details: { rows: report.rows, provinces: report.provinces, districts: report.districts, rejected: report.rejected.length },
      });
      return report;
    });
  }

  async function listUbigeo(query: { parent?: string; q?: string; all?: 'true' | 'false'; limit: number }) {
    let where: SQL | undefined;
    if (query.parent) where = eq(ubigeo.parentCode, query.parent);
    else if (!query.q && query.all !== 'true') where = eq(ubigeo.level, 1);
    const rows = await deps.db.select().from(ubigeo).where(where).orderBy(asc(ubigeo.code));
    const needle = query.q ? fold(query.q) : '';
    const matches = needle ? rows.filter((r) => r.code.startsWith(needle) || fold(r.name).includes(needle)) : rows;
    return matches.slice(0, query.limit).map((r) => ({ code: r.code, level: r.level, name: r.name, parentCode: r.parentCode, departmentCode: r.departmentCode }));
  }

  return { importUbigeoCsv, listUbigeo };
}
