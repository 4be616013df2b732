import type { PlaceCreate } from '../../contracts/cases';
import type { Locale } from '../../i18n/translate';
import { writeAudit } from '../audit/audit.writer';
import { loadActor } from '../auth/actor';
import { createCaseUpserts } from '../cases/case-upserts';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import type { UpsertOutcome } from '../idempotency/upsert-by-external-id';
import { JobFailed, type JobHandler } from '../jobs/job.runner';
import { entityForSheet, importEntities, type EntityName } from './import.entities';
import { applyMapping, type ImportMapping } from './import.mapping';
import { readImportFile, type ReadLimits } from './import.reader';
import { message, parseRow, type ImportIssue } from './import.rows';
import { validateImport } from './import.validate';

export type Tally = Record<UpsertOutcome | 'refused', number>;
export interface ImportResult {
  fileHash: string;
  fileName: string;
  entities: Partial<Record<EntityName, Tally>>;
  conflicts: Array<{ sheet: string; line: number; externalId: string; version: number }>;
  refused: ImportIssue[];
}

export interface ImportJobParams {
  fileName: string;
  locale: Locale;
  mapping?: ImportMapping;
}

const emptyTally = (): Tally => ({ created: 0, updated: 0, unchanged: 0, conflict: 0, refused: 0 });
const PROGRESS_EVERY = 25;

/**
 * The real run of an import, as a background job: the whole file is validated first (an invalid file writes
 * nothing and fails with its report), then cases (with their places), victims and suspects are upserted in
 * turn, each record through the same services as the API (scope, audit, figures). Re-running (a job resumed
 * after its process died, or the same file again) writes nothing twice: every write is an upsert by the
 * sender's id, and what was written already answers `unchanged`.
 */
export function createImportJobHandler(deps: Deps, limits?: ReadLimits): JobHandler {
  const { upsertCase, upsertParty } = createCaseUpserts(deps);
  return async (job, control) => {
    const params = job.params as unknown as ImportJobParams;
    const file = job.input!;
    const actor = job.createdBy ? await loadActor(deps.db, job.createdBy) : undefined;
    if (!actor) throw new JobFailed({ code: 'auth.unauthenticated' });
    const ctx: Ctx = { actor, requestId: `import:${job.id}`, locale: params.locale };
    await control.progress({ phase: 'validating' });
    const report = await validateImport(deps.db, actor.institutionId, file, params.fileName, { locale: params.locale, mapping: params.mapping, limits });
    if (report.errors.length) throw new JobFailed({ code: 'import.invalid_file', report });

    const events = () => (async function* () {
      for await (const raw of readImportFile(file, params.fileName, limits)) yield applyMapping(raw, params.mapping);
    })();
    // The places of each case travel with it (a case and its places are one upsert).
    const places = new Map<string, PlaceCreate[]>();
    for await (const event of events()) {
      if (event.type !== 'row' || entityForSheet(event.sheet) !== 'places') continue;
      const row = parseRow(importEntities.places, event.values, params.locale);
      const list = places.get(row.caseExternalId!) ?? [];
      list.push(row.body as PlaceCreate);
      places.set(row.caseExternalId!, list);
    }

    const result: ImportResult = { fileHash: report.fileHash, fileName: params.fileName, entities: {}, conflicts: [], refused: [] };
    let processed = 0;
    for (const entity of ['cases', 'victims', 'suspects'] as const) {
      for await (const event of events()) {
        if (event.type !== 'row' || entityForSheet(event.sheet) !== entity) continue;
        const row = parseRow(importEntities[entity], event.values, params.locale);
        const tally = (result.entities[entity] ??= emptyTally());
        try {
          const { outcome, view } =
            entity === 'cases'
              ? await upsertCase(ctx, row.externalId!, { ...(row.body as Record<string, unknown>), places: places.get(row.externalId!) ?? [] } as never)
              : await upsertParty(ctx, entity === 'victims' ? 'victim' : 'suspect', row.externalId!, row.body as never);
          tally[outcome]++;
          if (outcome === 'conflict') result.conflicts.push({ sheet: event.sheet, line: event.line, externalId: row.externalId!, version: view.version });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          tally.refused++;
          const column = Object.keys(error.fields ?? {})[0] ?? '';
          result.refused.push({ sheet: event.sheet, line: event.line, column, code: error.code, message: message(params.locale, error.code, error.params) });
        }
        if (++processed % PROGRESS_EVERY === 0) await control.progress({ phase: 'importing', processed, total: report.rows, entities: result.entities });
        else await control.checkpoint();
      }
    }
    // One audit entry for the import as a whole, with its file hash (each record's own entry was written by its service).
    await deps.db.transaction((tx) => writeAudit(tx, ctx, { action: 'import.run', entityType: 'job', entityId: job.id, details: { fileHash: report.fileHash, fileName: params.fileName, entities: result.entities, attempt: job.attempts } }));
    await control.progress({ phase: 'done', processed, total: report.rows, entities: result.entities });
    const data = Buffer.from(JSON.stringify(result, null, 2));
    return { result, file: { data, name: `import-${report.fileHash.slice(0, 12)}.json`, contentType: 'application/json' } };
  };
}
