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

const REQUIRED_COLUMNS = ['inei', 'provincia'] as const;

type Parsed = { entries: Entry[]; rows: number; rejected: UbigeoImportReport['rejected'] };
type CsvRecord = { record: Record<string, string>; info: { lines: number } };

function readRecords(text: string): CsvRecord[] {
  let records: CsvRecord[];
  try {
    records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, skip_empty_lines: true, info: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new AppError('reference.invalid_file', 400, undefined, undefined, { detail: error instanceof Error ? error.message.slice(0, 200) : 'csv' });
  }
  const first = records[0]?.record;
  const missing = REQUIRED_COLUMNS.filter((c) => !first || !(c in first));
  if (missing.length) throw new AppError('reference.invalid_file', 400, undefined, undefined, { detail: `missing columns: ${missing.join(', ')}` });
  return records;
}

const provinceEntry = (code: string, name: string): Entry => ({ code: code.slice(0, 4), level: 2, name, parentCode: code.slice(0, 2), departmentCode: code.slice(0, 2) });

/** One row into the maps, or the reason it is refused. */
function takeRow(record: Record<string, string>, provinces: Map<string, Entry>, districts: Map<string, Entry>): string | null {
  const code = record.inei ?? '';
  if (!/^\d{6}$/.test(code)) return 'invalid_code';
  if (!departmentCodes.has(code.slice(0, 2))) return 'unknown_department';
  const provinceName = (record.provincia ?? '').trim();
  const province = provinces.get(code.slice(0, 4));
  if (!('distrito' in record)) {
    if (!code.endsWith('00') || code.endsWith('0000')) return 'not_a_province';
    if (!provinceName) return 'missing_name';
    if (province) return 'duplicate_code';
    provinces.set(code.slice(0, 4), provinceEntry(code, provinceName));
    return null;
  }
  if (code.endsWith('00')) return 'not_a_district';
  const districtName = (record.distrito ?? '').trim();
  if (!districtName || !provinceName) return 'missing_name';
  if (districts.has(code)) return 'duplicate_code';
  if (province && province.name !== provinceName) return 'province_name_conflict';
  if (!province) provinces.set(code.slice(0, 4), provinceEntry(code, provinceName));
  districts.set(code, { code, level: 3, name: districtName, parentCode: code.slice(0, 4), departmentCode: code.slice(0, 2) });
  return null;
}

/**
 * Reads an INEI-format CSV (columns `inei`, `departamento`, `provincia`, `distrito`; others ignored)
 * with a real CSV parser (quoted newlines occur). Each district row also yields its province (the first
 * 4 digits); a file without `distrito` is a province list (codes like 150100). Rows without a valid
 * 6-digit INEI code of a known department are rejected with a reason; the rest is loaded.
 */
export function parseUbigeoCsv(text: string): Parsed {
  const records = readRecords(text);
  const rejected: UbigeoImportReport['rejected'] = [];
  const provinces = new Map<string, Entry>();
  const districts = new Map<string, Entry>();
  for (const { record, info } of records) {
    const reason = takeRow(record, provinces, districts);
    if (reason) rejected.push({ line: info.lines, code: record.inei || null, reason });
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
