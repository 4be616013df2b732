import { parse } from 'csv-parse/sync';
import { inArray, sql } from 'drizzle-orm';
import { departmentCodes } from '../../core/geo/departments';
import type { Tx } from '../../db/connect';
import { ubigeo } from '../../db/schema';
import type { UbigeoImportReport } from '../../contracts/reference';
import { AppError } from '../errors/app-error';

interface Entry {
  code: string;
  level: 2 | 3;
  name: string;
  parentCode: string;
  departmentCode: string;
}

const REQUIRED_COLUMNS = ['inei', 'provincia', 'distrito'] as const;

/**
 * Reads an INEI-format CSV (columns `inei`, `departamento`, `provincia`, `distrito`; others ignored).
 * Each district row also yields its province (the first 4 digits). Rows without a valid 6-digit INEI
 * code of a known department are rejected with a reason; the rest is loaded.
 */
export function parseUbigeoCsv(text: string): { entries: Entry[]; rows: number; rejected: UbigeoImportReport['rejected'] } {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, skip_empty_lines: true, info: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new AppError('reference.invalid_file', 400, undefined, undefined, { detail: error instanceof Error ? error.message.slice(0, 200) : 'csv' });
  }
  const first = records[0]?.record;
  const missing = REQUIRED_COLUMNS.filter((c) => !first || !(c in first));
  if (missing.length) throw new AppError('reference.invalid_file', 400, undefined, undefined, { detail: `missing columns: ${missing.join(', ')}` });

  const rejected: UbigeoImportReport['rejected'] = [];
  const provinces = new Map<string, Entry>();
  const districts = new Map<string, Entry>();
  for (const { record, info } of records) {
    const line = info.lines;
    const code = record.inei ?? '';
    const reject = (reason: string) => rejected.push({ line, code: code || null, reason });
    if (!/^\d{6}$/.test(code)) { reject('invalid_code'); continue; }
    if (!departmentCodes.has(code.slice(0, 2))) { reject('unknown_department'); continue; }
    if (code.endsWith('00')) { reject('not_a_district'); continue; }
    const districtName = (record.distrito ?? '').trim();
    const provinceName = (record.provincia ?? '').trim();
    if (!districtName || !provinceName) { reject('missing_name'); continue; }
    if (districts.has(code)) { reject('duplicate_code'); continue; }
    const provinceCode = code.slice(0, 4);
    const province = provinces.get(provinceCode);
    if (province && province.name !== provinceName) { reject('province_name_conflict'); continue; }
    if (!province) provinces.set(provinceCode, { code: provinceCode, level: 2, name: provinceName, parentCode: code.slice(0, 2), departmentCode: code.slice(0, 2) });
    districts.set(code, { code, level: 3, name: districtName, parentCode: provinceCode, departmentCode: code.slice(0, 2) });
  }
  return { entries: [...provinces.values(), ...districts.values()], rows: records.length, rejected };
}

/** Upserts provinces and districts; re-running the same file changes nothing and says so. */
export async function importUbigeo(tx: Tx, text: string): Promise<UbigeoImportReport> {
  const { entries, rows, rejected } = parseUbigeoCsv(text);
  const report: UbigeoImportReport = {
    rows,
    provinces: { new: 0, updated: 0, unchanged: 0 },
    districts: { new: 0, updated: 0, unchanged: 0 },
    rejected,
  };
  const existing = new Map<string, typeof ubigeo.$inferSelect>();
  for (let i = 0; i < entries.length; i += 500) {
    const codes = entries.slice(i, i + 500).map((e) => e.code);
    for (const row of await tx.select().from(ubigeo).where(inArray(ubigeo.code, codes))) existing.set(row.code, row);
  }
  const changed: Entry[] = [];
  for (const entry of entries) {
    const counts = entry.level === 2 ? report.provinces : report.districts;
    const current = existing.get(entry.code);
    if (!current) counts.new++;
    else if (current.name !== entry.name || current.parentCode !== entry.parentCode || current.level !== entry.level) counts.updated++;
    else { counts.unchanged++; continue; }
    changed.push(entry);
  }
  for (let i = 0; i < changed.length; i += 500) {
    await tx
      .insert(ubigeo)
      .values(changed.slice(i, i + 500).map((e) => ({ ...e, importedAt: new Date() })))
      .onConflictDoUpdate({
        target: ubigeo.code,
        set: { name: sqlExcluded('name'), level: sqlExcluded('level'), parentCode: sqlExcluded('parent_code'), departmentCode: sqlExcluded('department_code'), importedAt: new Date() },
      });
  }
  return report;
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);
