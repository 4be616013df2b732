import type { PlaceCreate } from '../../contracts/cases';
import type { Locale } from '../../i18n/translate';
import { writeAudit } from '../audit/audit.writer';
import { loadActor } from '../auth/actor';
import { createCaseUpserts } from '../cases/case-upserts';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import type { UpsertOutcome } from '../idempotency/upsert-by-external-id';
import type { Tx } from '../../db/connect';
import { beat } from '../jobs/job.repository';
import { JobFailed, JobStopped, type JobHandler } from '../jobs/job.runner';
import { createImportBatches, isBatched, type BatchedEntity, type RowOutcome } from './import.batch';
import { entityForSheet, entityNames, importEntities, type EntityName } from './import.entities';
import { applyMapping, type ImportMapping } from './import.mapping';
import { readImportFile, type ReadLimits } from './import.reader';
import { message, parseRow, type ImportIssue, type ParsedRow } from './import.rows';
import { validateImport } from './import.validate';
import { createRecordUpserts } from './import.links';

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
/** Rows of cases, victims or suspects written in one transaction (see import.batch.ts). */
export const IMPORT_BATCH_SIZE = 500;
type Item = { sheet: string; line: number; row: ParsedRow };

/**
 * The real run of an import, as a background job: the whole file is validated first (an invalid file writes
 * nothing and fails with its report), then cases (with their places), victims and suspects are upserted in
 * turn, then operations, hotline calls, justice events and referrals (which point at the former by the sender's
 * numbers). Cases, victims and suspects are written in batches (import.batch.ts): one transaction per batch with
 * its progress checkpoint, the same checks, scope conditions and upsert rule as the one-record path, an audit
 * entry per record; the others record by record through the same services as the API (scope, audit, figures).
 * Re-running (a job resumed after its process died, or the same file again) writes nothing twice: every write
 * is an upsert by the sender's id, and what was written already answers `unchanged` (a committed batch costs
 * its look-ups only).
 */
export function createImportJobHandler(deps: Deps, limits?: ReadLimits, options: { batchSize?: number } = {}): JobHandler {
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const writeBatch = createImportBatches(deps);
  const { upsertCase, upsertParty } = createCaseUpserts(deps);
  const records = createRecordUpserts(deps);
  const write = (ctx: Ctx, entity: Exclude<EntityName, 'places'>, row: ParsedRow): Promise<{ outcome: UpsertOutcome; view: unknown }> => {
    const id = row.externalId!;
    const body = row.body as never;
    switch (entity) {
      case 'cases':
        return upsertCase(ctx, id, body);
      case 'victims':
        return upsertParty(ctx, 'victim', id, body);
      case 'suspects':
        return upsertParty(ctx, 'suspect', id, body);
      case 'operations':
        return records.upsertOperation(ctx, id, body);
      case 'hotline_calls':
        return records.upsertCall(ctx, id, body);
      case 'justice_events':
        return records.upsertJusticeEvent(ctx, id, body);
      case 'referrals':
        return records.upsertReferral(ctx, id, body);
    }
  };
  return async (job, control) => {
    const params = job.params as unknown as ImportJobParams;
    const file = job.input!;
    const actor = job.createdBy ? await loadActor(deps.db, job.createdBy) : undefined;
    if (!actor) throw new JobFailed({ code: 'auth.unauthenticated' });
    const ctx: Ctx = { actor, requestId: `import:${job.id}`, locale: params.locale };
    await control.progress({ phase: 'validating' });
    const report = await validateImport(deps.db, actor.institutionId, file, params.fileName, { locale: params.locale, mapping: params.mapping, limits, permissions: actor.permissions });
    if (report.errors.length) throw new JobFailed({ code: 'import.invalid_file', report });

    const events = () => (async function* () {
      for await (const raw of readImportFile(file, params.fileName, limits)) yield applyMapping(raw, params.mapping);
    })();
    // The places of each case travel with it (a case and its places are one upsert).
    const places = new Map<string, PlaceCreate[]>();
    if (report.entities.places) for await (const event of events()) {
      if (event.type !== 'row' || entityForSheet(event.sheet) !== 'places') continue;
      const row = parseRow(importEntities.places, event.values, params.locale);
      const list = places.get(row.caseExternalId!) ?? [];
      list.push(row.body as PlaceCreate);
      places.set(row.caseExternalId!, list);
    }

    /**
     * The rows of one entity in file order; justice events in date order (the chain's rules read each new event
     * against the ones before it, as they would have been recorded one by one).
     */
    async function* rowsOf(entity: EntityName) {
      const sorted: Item[] = [];
      for await (const event of events()) {
        if (event.type !== 'row' || entityForSheet(event.sheet) !== entity) continue;
        const item = { sheet: event.sheet, line: event.line, row: parseRow(importEntities[entity], event.values, params.locale) };
        if (entity === 'justice_events') sorted.push(item);
        else yield item;
      }
      sorted.sort((a, b) => String(a.row.body.occurredOn).localeCompare(String(b.row.body.occurredOn)) || a.line - b.line);
      yield* sorted;
    }

    const result: ImportResult = { fileHash: report.fileHash, fileName: params.fileName, entities: {}, conflicts: [], refused: [] };
    let processed = 0;
    let batches = 0;
    const record = (entity: EntityName, { sheet, line, row }: Item, written: RowOutcome) => {
      const tally = (result.entities[entity] ??= emptyTally());
      if ('refused' in written) {
        const error = written.refused;
        tally.refused++;
        const column = Object.keys(error.fields ?? {})[0] ?? '';
        result.refused.push({ sheet, line, column, code: error.code, message: message(params.locale, error.code, error.params) });
        return;
      }
      tally[written.outcome]++;
      if (written.outcome === 'conflict') result.conflicts.push({ sheet, line, externalId: row.externalId!, version: written.version ?? 0 });
    };
    const reportProgress = () => control.progress({ phase: 'importing', processed, total: report.rows, entities: result.entities });
    // The batch's checkpoint, in the batch's own transaction: the job is still this worker's, and how far it got.
    const checkpointIn = (entity: EntityName, through: number) => async (tx: Tx) => {
      if (!job.workerId) return;
      const state = await beat(tx, job.id, job.workerId, { phase: 'importing', entity, processed: through, total: report.rows, entities: result.entities });
      if (!state.owned) throw new JobStopped('lost');
    };
    const flush = async (entity: BatchedEntity, items: Item[]) => {
      if (!items.length) return;
      const rows = items.map(({ row }) => ({ externalId: row.externalId!, body: entity === 'cases' ? { ...row.body, places: places.get(row.externalId!) ?? [] } : row.body }));
      const outcomes = await writeBatch(ctx, entity, rows, (one) => write(ctx, entity, { externalId: one.externalId, body: one.body } as ParsedRow), checkpointIn(entity, processed + items.length));
      items.forEach((item, i) => record(entity, item, outcomes[i]!));
      processed += items.length;
      batches++;
      await reportProgress();
    };
    // One pass over the file per entity it holds, in the order that writes what a row points at first.
    for (const entity of entityNames) {
      if (entity === 'places' || !report.entities[entity]) continue;
      if (isBatched(entity)) {
        // Batches grow from PROGRESS_EVERY to BATCH_SIZE rows: progress shows early, large files go fast.
        let items: Item[] = [];
        for await (const item of rowsOf(entity)) {
          items.push(item);
          if (items.length >= Math.min(batchSize, PROGRESS_EVERY * 2 ** batches)) {
            await flush(entity, items);
            items = [];
          }
        }
        await flush(entity, items);
        continue;
      }
      for await (const item of rowsOf(entity)) {
        const { row } = item;
        try {
          const { outcome, view } = await write(ctx, entity, row);
          record(entity, item, { outcome, version: (view as { version?: number }).version });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          record(entity, item, { refused: error });
        }
        if (++processed % PROGRESS_EVERY === 0) await reportProgress();
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
