import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { cases, persons } from '../../db/schema';
import type { Locale } from '../../i18n/translate';
import { checkCaseDates, checkPersonAttributes, checkVictimFields, FieldCheck } from '../cases/case.validation';
import { findUnknownUbigeos } from '../reference/ubigeo.repository';
import { unknownCountryFields } from '../reference/countries';
import { entityForSheet, importEntities, isUnsupportedSheet, columnForHeader, type EntityName } from './import.entities';
import { applyMapping, type ImportMapping } from './import.mapping';
import { readImportFile, type ReadLimits } from './import.reader';
import { message, parseRow, type ImportIssue } from './import.rows';
import { LISTS_SHEET } from './import.template';
import { existingExternalIds } from './import.repository';
import { createLinkChecks } from './import.validate-links';
import { sheetPermissions } from './import.links';

const isListsSheet = (name: string) => Object.values(LISTS_SHEET).includes(name.trim().toLowerCase() as never);

export interface EntityCounts {
  rows: number;
  /** Rows whose record the registry already holds under the sender's id (an update or nothing to do). */
  existing: number;
  new: number;
}

/** What a dry run answers: every problem per row and column, in the reader's language; nothing written. */
export interface ImportReport {
  fileHash: string;
  fileName: string;
  rows: number;
  /** Rows with at least one error: exactly the rows `errors` names. */
  badRows: number;
  entities: Partial<Record<EntityName, EntityCounts>>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export const fileHashOf = (file: Buffer) => createHash('sha256').update(file).digest('hex');

interface Pending {
  ubigeos: Map<string, Array<{ sheet: string; line: number; column: string }>>;
  caseRefs: Map<string, Array<{ sheet: string; line: number; column: string }>>;
  ids: Partial<Record<EntityName, Set<string>>>;
}

const BATCH = 500;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/** Field paths of the checks (`person.originCountry`, `nationalities.0`) back to the file's headers. */
function headerFor(entityName: EntityName, values: Record<string, unknown>, field: string): string {
  const entity = importEntities[entityName];
  const bare = field.replace(/\.\d+$/, '');
  for (const header of Object.keys(values)) {
    const column = columnForHeader(entity, header);
    if (column && (column.field === bare || column.field === `person.${bare}`)) return header;
  }
  return field;
}

/**
 * Validates the whole file against the contracts, code lists, UBIGEO and countries, dates, references between
 * sheets (and to the sender's cases already in the registry), duplicated ids and the Palermo elements; counts
 * what exists. Streams the file; keeps only ids and pending look-ups in memory.
 */
export async function validateImport(
  db: Tx, institutionId: string, file: Buffer, fileName: string,
  options: { locale: Locale; mapping?: ImportMapping; limits?: ReadLimits; /** The importer's: sheets needing others are refused whole. */ permissions?: ReadonlySet<string> },
): Promise<ImportReport> {
  const { locale } = options;
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const counts: Partial<Record<EntityName, EntityCounts>> = {};
  const seen = new Map<string, number>();
  const pending: Pending = { ubigeos: new Map(), caseRefs: new Map(), ids: {} };
  const links = createLinkChecks(locale, options.permissions?.has('protection.consent_override') ?? false, (at, code, params, text) =>
    errors.push({ ...at, code, message: text ?? message(locale, code, params) }));
  const fileIssue = (sheet: string, line: number, column: string, code: string, params?: Record<string, string | number>) =>
    errors.push({ sheet, line, column, code, message: message(locale, code, params) });
  const sheetEntity = new Map<string, EntityName | null>();
  const forbidden = new Set<string>();
  let rows = 0;

  for await (const raw of readImportFile(file, fileName, options.limits)) {
    const event = applyMapping(raw, options.mapping);
    if (event.type === 'sheet') {
      const entity = entityForSheet(event.sheet) ?? null;
      sheetEntity.set(event.sheet, entity);
      if (isListsSheet(event.sheet)) continue;
      if (!entity) fileIssue(event.sheet, 0, '', isUnsupportedSheet(event.sheet) ? 'import.sheet_not_supported' : 'import.unknown_sheet', { sheet: event.sheet });
      else {
        counts[entity] ??= { rows: 0, existing: 0, new: 0 };
        const needed = sheetPermissions[entity];
        // Refused once it holds a row: an empty sheet of the template is no attempt to write.
        if (needed && options.permissions && !options.permissions.has(needed)) forbidden.add(event.sheet);
        const def = importEntities[entity];
        for (const header of event.headers) if (header && !columnForHeader(def, header)) fileIssue(event.sheet, 1, header, 'import.unknown_column', { column: header });
        if (event.headers.length) for (const c of def.columns) if (c.required && !event.headers.some((h) => columnForHeader(def, h) === c)) fileIssue(event.sheet, 1, c[locale], 'import.missing_column', { column: c[locale] });
      }
      continue;
    }
    const entityName = sheetEntity.get(event.sheet);
    if (!entityName) continue;
    if (forbidden.delete(event.sheet)) fileIssue(event.sheet, 0, '', 'import.sheet_forbidden', { sheet: event.sheet });
    rows++;
    counts[entityName]!.rows++;
    const { sheet, line, values } = event;
    const entity = importEntities[entityName];
    if (values.__invalidJson) {
      fileIssue(sheet, line, '', 'import.invalid_json');
      continue;
    }
    // NDJSON rows name their columns themselves: unknown ones are reported per row.
    if (raw.type === 'row' && file[0] === 0x7b) for (const header of Object.keys(values)) if (!columnForHeader(entity, header)) fileIssue(sheet, line, header, 'import.unknown_column', { column: header });
    const parsed = parseRow(entity, values, locale);
    for (const issue of parsed.issues) errors.push({ sheet, line, ...issue });
    const add = (column: string, code: string, params?: Record<string, string | number>) => errors.push({ sheet, line, column, code, message: message(locale, code, params) });

    // Duplicated ids inside the file: the second row is refused, naming the first.
    // Persons are numbered once per case they appear in; every other record once per institution.
    const perCase = entityName === 'victims' || entityName === 'suspects';
    const key = !parsed.externalId ? undefined : perCase ? `${parsed.externalId}@${parsed.caseExternalId ?? ''}` : parsed.externalId;
    if (key) {
      const first = seen.get(`${entityName}:${key}`);
      if (first !== undefined) add(headerFor(entityName, values, 'externalId'), 'import.duplicate_id', { line: first });
      else seen.set(`${entityName}:${key}`, line);
      if (parsed.externalId) (pending.ids[entityName] ??= new Set()).add(parsed.externalId);
    }
    if (parsed.caseExternalId) {
      const refs = pending.caseRefs.get(parsed.caseExternalId) ?? [];
      refs.push({ sheet, line, column: headerFor(entityName, values, 'caseExternalId') });
      pending.caseRefs.set(parsed.caseExternalId, refs);
    }
    const check = new FieldCheck();
    const body = parsed.body as Record<string, never>;
    const ubigeo = (code: unknown, field: string) => {
      if (typeof code !== 'string' || !code) return;
      const at = pending.ubigeos.get(code) ?? [];
      at.push({ sheet, line, column: headerFor(entityName, values, field) });
      pending.ubigeos.set(code, at);
    };
    if (entityName === 'cases') {
      checkCaseDates(check, body);
      check.countries(((body.countries ?? []) as string[]).map((code, i) => ({ code, field: `countries.${i}` })));
      const acts = (body.acts ?? []) as string[];
      const purposes = (body.purposes ?? []) as string[];
      if (!parsed.issues.length) links.caseFacts(parsed.externalId, parsed.body as { reportedOn: string });
      if (!parsed.issues.length && (!acts.length || !purposes.length)) {
        warnings.push({ sheet, line, column: headerFor(entityName, values, acts.length ? 'purposes' : 'acts'), code: 'import.palermo_incomplete', message: message(locale, 'import.palermo_incomplete') });
      }
    } else if (entityName === 'places') {
      ubigeo(body.ubigeo, 'ubigeo');
      for (const [field, code] of Object.entries(unknownCountryFields([{ code: body.country, field: 'country' }]))) check.add(field, code);
    } else if (entityName === 'victims' || entityName === 'suspects') {
      const person = (body.person ?? {}) as never;
      checkPersonAttributes(check, person, 'person.');
      ubigeo((person as { originUbigeo?: string }).originUbigeo, 'originUbigeo');
      if (entityName === 'victims') checkVictimFields(check, body, '');
      links.party(entityName === 'victims' ? 'victim' : 'suspect', parsed.caseExternalId, parsed.externalId, body.consentToServices);
    } else if (!parsed.issues.length) {
      const header = (field: string) => headerFor(entityName, values, field);
      if (entityName === 'operations') ubigeo(body.ubigeo, 'ubigeo');
      else if (entityName === 'hotline_calls') {
        ubigeo(body.ubigeo, 'ubigeo');
        links.hotlineCall({ sheet, line }, header, body as never);
      } else if (entityName === 'justice_events') links.justiceEvent({ sheet, line }, header, parsed.externalId, body as never);
      else if (entityName === 'referrals') links.referral({ sheet, line }, header, body as never);
    }
    for (const [field, code] of Object.entries(check.fields)) add(headerFor(entityName, values, field.replace(/^person\./, '')), code);
  }

  if (sheetEntity.size === 0 || ![...sheetEntity.values()].some(Boolean)) fileIssue('', 0, '', 'import.no_sheets');
  await resolvePending(db, institutionId, pending, counts, (at, code, params) => errors.push({ ...at, code, message: message(locale, code, params) }));
  const existingEvents = await existingExternalIds(db, 'justice_events', institutionId, [...(pending.ids.justice_events ?? [])]);
  await links.resolve(db, institutionId, existingEvents);
  errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.line - b.line || a.column.localeCompare(b.column));
  // One message per cell: the contract and a reference check may both refuse the same value.
  const unique = errors.filter((e, i) => i === 0 || `${e.sheet}|${e.line}|${e.column}` !== `${errors[i - 1]!.sheet}|${errors[i - 1]!.line}|${errors[i - 1]!.column}`);
  errors.length = 0;
  errors.push(...unique);
  const badRows = new Set(errors.filter((e) => e.line > 1 || (e.line === 1 && !e.code.startsWith('import.'))).map((e) => `${e.sheet}\u0000${e.line}`)).size;
  return { fileHash: fileHashOf(file), fileName, rows, badRows, entities: counts, errors, warnings };
}

/** The look-ups that need the database, in batches: unknown UBIGEOs, case references, records that exist. */
async function resolvePending(
  db: Tx, institutionId: string, pending: Pending, counts: Partial<Record<EntityName, EntityCounts>>,
  report: (at: { sheet: string; line: number; column: string }, code: string, params?: Record<string, string | number>) => void,
) {
  for (const batch of chunks([...pending.ubigeos.keys()])) {
    for (const code of await findUnknownUbigeos(db, batch)) for (const at of pending.ubigeos.get(code)!) report(at, 'unknown_ubigeo');
  }
  const ownCases = async (ids: string[]) => {
    const found = new Set<string>();
    for (const batch of chunks(ids)) {
      const rows = await db.select({ id: cases.externalId }).from(cases).where(and(eq(cases.registeredByInstitutionId, institutionId), inArray(cases.externalId, batch)));
      for (const r of rows) found.add(r.id!);
    }
    return found;
  };
  const missingRefs = [...pending.caseRefs.keys()].filter((id) => !pending.ids.cases?.has(id));
  const inRegistry = await ownCases(missingRefs);
  for (const id of missingRefs) if (!inRegistry.has(id)) for (const at of pending.caseRefs.get(id)!) report(at, 'import.case_not_found', { id });
  const caseIds = pending.ids.cases ?? new Set<string>();
  const existingCases = await ownCases([...caseIds]);
  if (counts.cases) Object.assign(counts.cases, { existing: existingCases.size, new: caseIds.size - existingCases.size });
  for (const entity of ['operations', 'hotline_calls', 'justice_events', 'referrals'] as const) {
    if (!counts[entity]) continue;
    const ids = pending.ids[entity] ?? new Set<string>();
    let existing = 0;
    for (const batch of chunks([...ids])) existing += (await existingExternalIds(db, entity, institutionId, batch)).size;
    Object.assign(counts[entity]!, { existing, new: ids.size - existing });
  }
  for (const entity of ['victims', 'suspects'] as const) {
    if (!counts[entity]) continue;
    let existing = 0;
    const ids = pending.ids[entity] ?? new Set<string>();
    for (const batch of chunks([...ids])) {
      existing += (await db.select({ id: persons.id }).from(persons).where(and(eq(persons.createdByInstitutionId, institutionId), inArray(persons.externalId, batch)))).length;
    }
    Object.assign(counts[entity]!, { existing, new: ids.size - existing });
  }
  if (counts.places) Object.assign(counts.places, { new: counts.places.rows });
}
