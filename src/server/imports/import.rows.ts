import { fieldsFromIssues } from '../http/validation-messages';
import { translate, type Locale } from '../../i18n/translate';
import { FORMULA } from './import.reader';
import { columnForHeader, type ImportColumn, type ImportEntity } from './import.entities';

/** One problem with one cell (or row, or file), in the reader's language; `column` is the header as written in the file. */
export interface ImportIssue {
  sheet: string;
  line: number;
  column: string;
  code: string;
  message: string;
}

export const message = (locale: Locale, code: string, params?: Record<string, string | number>) =>
  translate(locale, 'validation', code, params) ?? translate(locale, 'errors', code, params) ?? code;

const TRUE = new Set(['si', 'sí', 'yes', 'true', '1', 'x', 'verdadero']);
const FALSE = new Set(['no', 'false', '0', 'falso']);

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A cell as the contract wants it, or the code of what is wrong with it. */
function convert(column: ImportColumn, raw: unknown): { value?: unknown; error?: string } {
  if (raw === FORMULA) return { error: 'import.formula' };
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return {};
  const text = raw instanceof Date ? isoDay(raw) : typeof raw === 'string' ? raw.trim() : raw;
  switch (column.kind) {
    case 'text':
      return { value: typeof text === 'object' ? JSON.stringify(text) : String(text) };
    case 'date':
      return { value: String(text) };
    case 'datetime':
      return { value: raw instanceof Date ? raw.toISOString() : String(text) };
    case 'number': {
      if (typeof text === 'number') return { value: text };
      const n = String(text).replace(',', '.');
      return /^-?\d{1,12}(\.\d{1,2})?$/.test(n) ? { value: Number(n) } : { error: 'import.not_number' };
    }
    case 'int': {
      if (typeof text === 'number') return Number.isInteger(text) ? { value: text } : { error: 'import.not_integer' };
      return /^-?\d{1,9}$/.test(String(text)) ? { value: Number(text) } : { error: 'import.not_integer' };
    }
    case 'bool': {
      if (typeof text === 'boolean') return { value: text };
      const s = String(text).toLowerCase();
      if (TRUE.has(s)) return { value: true };
      if (FALSE.has(s)) return { value: false };
      return { error: 'import.not_boolean' };
    }
    case 'list':
      if (Array.isArray(text)) return { value: text.map(String) };
      return { value: String(text).split(/[;,]/).map((s) => s.trim()).filter(Boolean) };
  }
}

export interface ParsedRow {
  body: Record<string, unknown>;
  externalId?: string;
  caseExternalId?: string;
  issues: Array<{ column: string; code: string; message: string }>;
}

/**
 * A row (header → cell) to the body of the entity's upsert, validated by the same contract as the API. Columns the
 * entity does not know were reported once with the sheet's headers; here they are ignored.
 */
export function parseRow(entity: ImportEntity, values: Record<string, unknown>, locale: Locale): ParsedRow {
  const body: Record<string, unknown> = {};
  const issues: ParsedRow['issues'] = [];
  const headerOf = new Map<string, string>();
  for (const [header, raw] of Object.entries(values)) {
    const column = columnForHeader(entity, header);
    if (!column) continue;
    headerOf.set(column.field, header);
    const { value, error } = convert(column, raw);
    if (error) issues.push({ column: header, code: error, message: message(locale, error) });
    else if (value !== undefined) setPath(body, column.field, value);
  }
  for (const column of entity.columns) {
    if (column.required && !Object.prototype.hasOwnProperty.call(body, column.field) && !issues.some((i) => i.column === headerOf.get(column.field))) {
      issues.push({ column: headerOf.get(column.field) ?? column[locale], code: 'required', message: message(locale, 'required') });
    }
  }
  const externalId = entity.idColumn ? (body[entity.idColumn] as string | undefined) : undefined;
  const caseExternalId = entity.caseColumn ? (body[entity.caseColumn] as string | undefined) : undefined;
  // The case's own id travels in the path of its upsert, not in its body.
  if (entity.idColumn) delete body.externalId;
  if (entity.name === 'places') delete body.caseExternalId;
  if (issues.length === 0) {
    const parsed = entity.schema.safeParse(body);
    if (!parsed.success) {
      const fields = fieldsFromIssues(parsed.error.issues, locale);
      for (const [path, text] of Object.entries(fields)) {
        const field = path.replace(/\.\d+$/, '');
        const column = [...headerOf.keys()].filter((f) => field === f || field.startsWith(`${f}.`) || f.startsWith(`${field}.`)).sort((a, b) => b.length - a.length)[0];
        issues.push({ column: column ? headerOf.get(column)! : field, code: 'invalid', message: text });
      }
    } else {
      return { body: parsed.data as Record<string, unknown>, externalId, caseExternalId, issues };
    }
  }
  return { body, externalId, caseExternalId, issues };
}
