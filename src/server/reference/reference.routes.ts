import { z } from 'zod';
import { codeLists } from '../../core/codes';
import { codesResponse, countriesQuery, countriesResponse, ubigeoImportReport, ubigeoListResponse, ubigeoQuery } from '../../contracts/reference';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { registerBoundaryRoutes } from './boundaries.routes';
import { listCountries } from './countries';
import { createReferenceService } from './reference.service';

const tags = ['reference'];
const MAX_CSV_BYTES = 4 * 1024 * 1024;

/**
 * Reference data for pickers (any signed-in user) and the UBIGEO import (administrators). The import
 * takes the CSV as the raw body (`Content-Type: text/csv`) or as a JSON `{ "csv": "…" }`.
 */
export function registerReferenceRoutes(app: App, deps: Deps) {
  const reference = createReferenceService(deps);

  // CSV bodies arrive as text; another feature may have registered the same parser already.
  const textTypes = ['text/csv', 'text/plain'].filter((type) => !app.hasContentTypeParser(type));
  if (textTypes.length) app.addContentTypeParser(textTypes, { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_req, body, done) => done(null, body));

  app.get('/api/v1/reference/ubigeo', { schema: { tags, querystring: ubigeoQuery, response: { 200: ubigeoListResponse } } }, async (req) => ({
    items: await reference.listUbigeo(req.query),
  }));

  app.post(
    '/api/v1/reference/ubigeo/import',
    {
      preValidation: requirePermission('admin.reference.manage'),
      bodyLimit: MAX_CSV_BYTES,
      schema: { tags, body: z.union([z.string().max(MAX_CSV_BYTES), z.strictObject({ csv: z.string().max(MAX_CSV_BYTES) })]), response: { 200: ubigeoImportReport } },
    },
    async (req) => {
      const text = typeof req.body === 'string' ? req.body : req.body.csv;
      if (!text.trim()) throw new AppError('reference.invalid_file', 400, undefined, undefined, { detail: 'empty' });
      return reference.importUbigeoCsv(req.ctx, text);
    },
  );

  app.get('/api/v1/reference/countries', { schema: { tags, querystring: countriesQuery, response: { 200: countriesResponse } } }, async (req) => ({
    items: listCountries(req.query.locale ?? req.ctx.locale),
  }));

  registerBoundaryRoutes(app, deps);

  app.get('/api/v1/reference/codes', { schema: { tags, response: { 200: codesResponse } } }, async () => ({
    lists: Object.fromEntries(Object.entries(codeLists).map(([name, list]) => [name, [...list]])),
  }));
}
