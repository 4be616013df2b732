import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { AppError } from '../errors/app-error';
import { readHtcds } from './import.htcds';

/**
 * Reads an uploaded file as a stream of rows per sheet, whatever its format: an XLSX workbook (one sheet per
 * entity, loaded whole by exceljs: see readXlsx), CSV (one file, named by its entity, or a ZIP of them) or
 * NDJSON (one JSON object per line with `entity`). Nothing is evaluated: a formula cell is reported, never
 * computed. A ZIP (and an XLSX, which is one) is checked before it is opened: declared sizes and ratio, then
 * the bytes actually inflated, so a zip bomb stops at the limit. HTCDS JSON case files are read through the
 * two-way mapping of src/core/htcds (./import.htcds.ts).
 */
export type ImportFormat = 'xlsx' | 'csv' | 'zip' | 'ndjson' | 'htcds';

/** A cell the reader refuses to interpret (a formula): the validator reports it. */
export const FORMULA = Symbol('formula');

export type ReadEvent =
  | { type: 'sheet'; sheet: string; headers: string[] }
  | { type: 'row'; sheet: string; line: number; values: Record<string, unknown> };

export interface ReadLimits {
  /** Most bytes a ZIP (or XLSX) may inflate to. */
  maxInflatedBytes: number;
  /** Most inflated/compressed ratio of any entry. */
  maxRatio: number;
}

export const defaultLimits: ReadLimits = { maxInflatedBytes: 512 * 1024 * 1024, maxRatio: 200 };

const mb = (n: number) => Math.round(n / 1024 / 1024);

export function detectFormat(file: Buffer, fileName = ''): ImportFormat {
  if (file.length >= 4 && file.readUInt32LE(0) === 0x04034b50) return /\.xlsx$/i.test(fileName) || file.includes('xl/workbook.xml') ? 'xlsx' : 'zip';
  const start = file.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  // HTCDS case files are one JSON document (an array of cases, or `{ "cases": [...] }`).
  if (/\.json$/i.test(fileName) || start.startsWith('[')) return 'htcds';
  if (/\.(ndjson|jsonl)$/i.test(fileName) || start.startsWith('{')) return 'ndjson';
  return 'csv';
}

/** Text of a CSV or NDJSON file: UTF-8 only (a Latin-1 file is refused with a clear message, not misread). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AppError('import.bad_encoding', 400);
  }
}

async function checkZip(file: Buffer, limits: ReadLimits) {
  let directory;
  try {
    directory = await unzipper.Open.buffer(file);
  } catch (error) {
    throw new AppError('import.unreadable', 400, undefined, undefined, { detail: (error as Error).message.slice(0, 200) });
  }
  let total = 0;
  for (const entry of directory.files) {
    total += entry.uncompressedSize;
    const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 0;
    if (total > limits.maxInflatedBytes || (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)) {
      throw new AppError('import.zip_too_large', 400, undefined, undefined, { maxMegabytes: mb(limits.maxInflatedBytes) });
    }
  }
  return directory;
}

/** Inflates one entry, counting the bytes actually produced (declared sizes can lie). */
async function inflateCapped(entry: { stream(): NodeJS.ReadableStream }, budget: { left: number }, limits: ReadLimits): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of entry.stream() as AsyncIterable<Buffer>) {
    budget.left -= chunk.length;
    if (budget.left < 0) throw new AppError('import.zip_too_large', 400, undefined, undefined, { maxMegabytes: mb(limits.maxInflatedBytes) });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function* readCsv(text: string, sheet: string): AsyncGenerator<ReadEvent> {
  // Spreadsheets in Spanish locales save CSV with `;`: the header line says which separator the file uses.
  const header = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
  const parser = Readable.from([text]).pipe(parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: true, delimiter }));
  let headers: string[] | undefined;
  let line = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    line++;
    if (!headers) {
      headers = record.map((h) => h.trim());
      yield { type: 'sheet', sheet, headers };
      continue;
    }
    const values: Record<string, unknown> = {};
    headers.forEach((h, i) => (values[h] = record[i]));
    // A CSV cell that starts with `=` is how a spreadsheet writes a formula: it is refused, never evaluated.
    for (const [k, v] of Object.entries(values)) if (typeof v === 'string' && /^=[A-Za-z(]/.test(v.trim())) values[k] = FORMULA;
    yield { type: 'row', sheet, line: line, values };
  }
}

function cellValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date || typeof value !== 'object') return value;
  const v = value as { formula?: string; sharedFormula?: string; richText?: Array<{ text: string }>; text?: string; error?: string };
  if (v.formula !== undefined || v.sharedFormula !== undefined) return FORMULA;
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if (v.text !== undefined) return v.text;
  if (v.error !== undefined) return FORMULA;
  return String(value);
}

/**
 * The workbook is loaded whole (its size is capped: the upload limit and the ZIP's inflated-size check above).
 * ExcelJS's streaming reader was tried and is not used: it learns sheet names from xl/workbook.xml, which
 * ExcelJS (and other writers) store after the worksheets, and with five or more sheets it failed ("reading
 * 'sheets'") or, names supplied up front, silently dropped a sheet — a silent loss no import may risk.
 */
async function* readXlsx(file: Buffer): AsyncGenerator<ReadEvent> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as never, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks'] } as never);
  for (const worksheet of wb.worksheets) {
    const sheet = worksheet.name;
    let headers: string[] | undefined;
    const rows: ExcelJS.Row[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => rows.push(row));
    for (const row of rows) {
      const cells = (row.values as unknown[]).slice(1);
      if (!headers) {
        headers = cells.map((c) => String(cellValue(c) ?? '').trim());
        yield { type: 'sheet', sheet, headers };
        continue;
      }
      const values: Record<string, unknown> = {};
      headers.forEach((h, i) => {
        if (h) values[h] = cellValue(cells[i]);
      });
      if (Object.values(values).every((v) => v === undefined || v === '')) continue;
      yield { type: 'row', sheet, line: row.number, values };
    }
    if (!headers) yield { type: 'sheet', sheet, headers: [] };
  }
}

async function* readNdjson(text: string): AsyncGenerator<ReadEvent> {
  const announced = new Set<string>();
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    if (!raw.trim()) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(raw);
    } catch {
      yield { type: 'row', sheet: '?', line, values: { __invalidJson: true } };
      continue;
    }
    const { entity, ...values } = record;
    const sheet = String(entity ?? '?');
    if (!announced.has(sheet)) {
      announced.add(sheet);
      yield { type: 'sheet', sheet, headers: [] };
    }
    yield { type: 'row', sheet, line, values };
  }
}

/** Every sheet and row of the file, in file order. */
export async function* readImportFile(file: Buffer, fileName: string, limits: ReadLimits = defaultLimits): AsyncGenerator<ReadEvent> {
  const format = detectFormat(file, fileName);
  if (format === 'xlsx') {
    await checkZip(file, limits);
    try {
      yield* readXlsx(file);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('import.unreadable', 400, undefined, undefined, { detail: (error as Error).message.slice(0, 200) });
    }
    return;
  }
  if (format === 'zip') {
    const directory = await checkZip(file, limits);
    const budget = { left: limits.maxInflatedBytes };
    for (const entry of directory.files.filter((f) => f.type === 'File' && /\.(csv|ndjson|jsonl)$/i.test(f.path)).sort((a, b) => a.path.localeCompare(b.path))) {
      const bytes = await inflateCapped(entry, budget, limits);
      const name = entry.path.split('/').pop()!;
      if (/\.csv$/i.test(name)) yield* readCsv(decodeText(bytes), name);
      else yield* readNdjson(decodeText(bytes));
    }
    return;
  }
  const text = decodeText(file);
  if (format === 'htcds') yield* readHtcds(text);
  else if (format === 'ndjson') yield* readNdjson(text);
  else yield* readCsv(text, fileName || 'cases.csv');
}
