import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../deps';
import { AppError, invalid } from '../errors/app-error';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { uuid } from '../../contracts/common';
import { createImportService, type ImportOptions } from './import.service';
import { buildTemplate, templateFormats } from './import.template';

const tags = ['imports'];
const jobParams = z.object({ id: uuid });
const mappingParams = z.object({ name: z.string().trim().min(1).max(100) });
const templateQuery = z.object({ format: z.enum(templateFormats).default('xlsx'), lang: z.enum(['es', 'en']).optional() });

/**
 * Bulk import: `POST /api/v1/imports/dry-run` (multipart `file`, optional `mapping` JSON or `mappingName`)
 * answers the report and writes nothing; `POST /api/v1/imports` queues the real run (202, a job to follow).
 * Only those who may register and edit cases import them (every row is still checked by the case services).
 */
export function registerImportRoutes(app: App, deps: Deps) {
  const imports = createImportService(deps, { maxBytes: deps.config.importMaxBytes });
  const write = requirePermission('case.create', 'case.update');
  const tooLarge = () => new AppError('import.file_too_large', 413, undefined, undefined, { maxMegabytes: Math.round(deps.config.importMaxBytes / 1024 / 1024) });

  async function readUpload(req: FastifyRequest): Promise<{ file: Buffer; options: ImportOptions }> {
    let file: Buffer | undefined;
    const options: ImportOptions = { fileName: 'upload' };
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (file) throw invalid({ file: 'import.one_file' });
          file = await part.toBuffer();
          options.fileName = part.filename || 'upload';
        } else if (part.fieldname === 'mapping' && typeof part.value === 'string' && part.value.trim()) {
          try {
            options.mapping = JSON.parse(part.value);
          } catch {
            throw invalid({ mapping: 'import.mapping_invalid' }, 'import.mapping_invalid');
          }
        } else if (part.fieldname === 'mappingName' && typeof part.value === 'string' && part.value.trim()) {
          options.mappingName = part.value.trim();
        }
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT') throw tooLarge();
      if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw invalid({ file: 'required' });
      throw error;
    }
    if (!file) throw invalid({ file: 'required' });
    return { file, options };
  }

  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: deps.config.importMaxBytes, files: 1, fields: 5, fieldSize: 256 * 1024 } });
    scope.post('/api/v1/imports/dry-run', { preValidation: write, schema: { tags, consumes: ['multipart/form-data'] } }, async (req) => {
      const { file, options } = await readUpload(req);
      return imports.dryRun(req.ctx, file, options);
    });
    scope.post('/api/v1/imports', { preValidation: write, schema: { tags, consumes: ['multipart/form-data'] } }, async (req, reply) => {
      const { file, options } = await readUpload(req);
      return reply.code(202).send(await imports.start(req.ctx, file, options));
    });
  });
  app.get('/api/v1/imports/template', { preValidation: write, schema: { tags, querystring: templateQuery } }, async (req, reply) => {
    const lang = req.query.lang ?? req.ctx.locale;
    const t = await buildTemplate(req.query.format, lang);
    return reply.header('content-type', t.contentType).header('content-disposition', `attachment; filename="${t.name}"`).send(t.data);
  });
  app.get('/api/v1/imports/mappings', { preValidation: write, schema: { tags } }, async (req) => imports.listMappings(req.ctx));
  app.put('/api/v1/imports/mappings/:name', { preValidation: write, schema: { tags, params: mappingParams, body: z.object({ mapping: z.unknown() }) } }, async (req) =>
    imports.saveMapping(req.ctx, req.params.name, req.body.mapping),
  );
  app.get('/api/v1/imports/:id', { preValidation: write, schema: { tags, params: jobParams } }, async (req) => imports.get(req.ctx, req.params.id));
  app.post('/api/v1/imports/:id/cancel', { preValidation: write, schema: { tags, params: jobParams } }, async (req) => imports.cancel(req.ctx, req.params.id));
  app.get('/api/v1/imports/:id/result', { preValidation: write, schema: { tags, params: jobParams } }, async (req, reply) => {
    const file = await imports.download(req.ctx, req.params.id);
    return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.name}"`).send(file.data);
  });
}
