import { and, eq } from 'drizzle-orm';
import { importMappings } from '../../db/schema';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError, invalid, notFound } from '../errors/app-error';
import { findJob, insertJob, requestCancel, type JobRow } from '../jobs/job.repository';
import { importMapping, type ImportMapping } from './import.mapping';
import { detectFormat, type ReadLimits } from './import.reader';
import { fileHashOf, validateImport } from './import.validate';
import type { ImportJobParams } from './import.job';

export const IMPORT_JOB = 'import';
export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportOptions {
  fileName: string;
  /** A mapping given with the upload, or the name of one saved by the institution. */
  mapping?: ImportMapping;
  mappingName?: string;
}

export function presentJob(job: JobRow) {
  return {
    id: job.id, kind: job.kind, status: job.status, progress: job.progress as Record<string, unknown>, result: (job.result ?? null) as unknown,
    error: (job.error ?? null) as unknown, attempts: job.attempts, createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null, finishedAt: job.finishedAt?.toISOString() ?? null, hasFile: Boolean(job.resultFileName),
  };
}

/** Uploads: a dry run answers at once and writes nothing; a real run is queued as a job (src/server/jobs). */
export function createImportService(deps: Deps, options: { maxBytes?: number; limits?: ReadLimits } = {}) {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;

  function checkFile(file: Buffer) {
    if (file.length > maxBytes) throw new AppError('import.file_too_large', 413, undefined, undefined, { maxMegabytes: Math.round(maxBytes / 1024 / 1024) });
    if (file.length === 0) throw invalid({ file: 'required' });
  }

  async function resolveMapping(ctx: Ctx, input: ImportOptions): Promise<ImportMapping | undefined> {
    if (input.mapping) {
      const parsed = importMapping.safeParse(input.mapping);
      if (!parsed.success) throw invalid({ mapping: 'import.mapping_invalid' }, 'import.mapping_invalid');
      return parsed.data;
    }
    if (!input.mappingName) return undefined;
    const [row] = await deps.db.select().from(importMappings).where(and(eq(importMappings.institutionId, ctx.actor.institutionId), eq(importMappings.name, input.mappingName))).limit(1);
    if (!row) throw invalid({ mappingName: 'import.mapping_invalid' }, 'import.mapping_invalid');
    return row.mapping as ImportMapping;
  }

  async function dryRun(ctx: Ctx, file: Buffer, input: ImportOptions) {
    checkFile(file);
    const mapping = await resolveMapping(ctx, input);
    return validateImport(deps.db, ctx.actor.institutionId, file, input.fileName, { locale: ctx.locale, mapping, limits: options.limits, permissions: ctx.actor.permissions });
  }

  async function start(ctx: Ctx, file: Buffer, input: ImportOptions) {
    checkFile(file);
    detectFormat(file, input.fileName);
    const mapping = await resolveMapping(ctx, input);
    const params: ImportJobParams = { fileName: input.fileName, locale: ctx.locale, ...(mapping ? { mapping } : {}) };
    return deps.db.transaction(async (tx) => {
      const job = await insertJob(tx, { kind: IMPORT_JOB, params: params as never, input: file, createdBy: ctx.actor.userId, institutionId: ctx.actor.institutionId });
      await writeAudit(tx, ctx, { action: 'import.queue', entityType: 'job', entityId: job.id, details: { fileHash: fileHashOf(file), fileName: input.fileName, bytes: file.length } });
      return presentJob(job);
    });
  }

  /** The actor's own import jobs only (the file and its report are the importer's). */
  async function loadOwnJob(ctx: Ctx, id: string) {
    const job = await findJob(deps.db, id);
    if (!job || job.kind !== IMPORT_JOB || job.createdBy !== ctx.actor.userId) throw notFound('job');
    return job;
  }

  const get = async (ctx: Ctx, id: string) => presentJob(await loadOwnJob(ctx, id));

  async function cancel(ctx: Ctx, id: string) {
    await loadOwnJob(ctx, id);
    return presentJob((await requestCancel(deps.db, id))!);
  }

  async function download(ctx: Ctx, id: string) {
    const job = await loadOwnJob(ctx, id);
    if (!job.resultFile) throw new AppError('job.no_result', 409);
    return { data: job.resultFile, name: job.resultFileName!, contentType: job.resultContentType ?? 'application/octet-stream' };
  }

  async function saveMapping(ctx: Ctx, name: string, mapping: unknown) {
    const parsed = importMapping.safeParse(mapping);
    if (!parsed.success) throw invalid({ mapping: 'import.mapping_invalid' }, 'import.mapping_invalid');
    await deps.db.transaction(async (tx) => {
      await tx.insert(importMappings).values({ institutionId: ctx.actor.institutionId, name, mapping: parsed.data, updatedBy: ctx.actor.userId })
        .onConflictDoUpdate({ target: [importMappings.institutionId, importMappings.name], set: { mapping: parsed.data, updatedBy: ctx.actor.userId, updatedAt: new Date() } });
      await writeAudit(tx, ctx, { action: 'import.mapping.save', entityType: 'import_mapping', details: { name } });
    });
    return { name, mapping: parsed.data };
  }

  async function listMappings(ctx: Ctx) {
    const rows = await deps.db.select().from(importMappings).where(eq(importMappings.institutionId, ctx.actor.institutionId));
    return { items: rows.map((r) => ({ name: r.name, mapping: r.mapping as ImportMapping, updatedAt: r.updatedAt.toISOString() })) };
  }

  return { dryRun, start, get, cancel, download, saveMapping, listMappings };
}

export type ImportService = ReturnType<typeof createImportService>;
