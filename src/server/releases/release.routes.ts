import type { FastifyReply } from 'fastify';
import {
  publicIndex, publicReleaseListQuery, publicReleaseTableParams, publicReleaseTableQuery, releaseCreate, releaseList, releaseParams, releasePreview,
  releasePreviewQuery, releaseRecord, releaseRecordList, releaseView,
} from '../../contracts/releases';
import { publicTableNames, statsResult } from '../../contracts/stats';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import { localeFromHeader } from '../../i18n/translate';
import type { App } from '../http/types';
import { releaseCsv, releaseFileName, releaseXlsx } from './release.files';
import { createReleaseService } from './release.service';

const tags = ['releases'];

function sendFile(reply: FastifyReply, body: string | Buffer, contentType: string, filename: string) {
  reply.header('content-type', contentType);
  reply.header('content-disposition', `attachment; filename="${filename}"`);
  // A release never changes: its files may be cached.
  reply.header('cache-control', 'public, max-age=3600');
  return reply.send(body);
}

/**
 * Public releases. Publishing: analysts with national scope (src/server/policy/releases.ts). Reading:
 * anyone — the open-data tables and their downloads come from releases only, never from live records.
 */
export function registerReleaseRoutes(app: App, deps: Deps) {
  const releases = createReleaseService(deps);
  const manage = requirePermission('report.manage');

  app.get('/api/v1/releases', { preValidation: manage, schema: { tags, querystring: publicReleaseListQuery, response: { 200: releaseRecordList } } }, async (req) => ({
    items: await releases.list(req.ctx, req.query.year),
  }));
  app.get('/api/v1/releases/preview', { preValidation: manage, schema: { tags, querystring: releasePreviewQuery, response: { 200: releasePreview } } }, async (req) =>
    releases.preview(req.ctx, req.query.year),
  );
  app.post('/api/v1/releases', { preValidation: manage, schema: { tags, body: releaseCreate, response: { 201: releaseRecord } } }, async (req, reply) =>
    reply.code(201).send(await releases.publish(req.ctx, req.body)),
  );

  const open = { public: true } as const;
  app.get('/api/v1/public/stats', { config: open, schema: { tags, response: { 200: publicIndex } } }, async () => ({ tables: [...publicTableNames], ...(await releases.publicIndex()) }));
  app.get('/api/v1/public/stats/:table', { config: open, schema: { tags, params: publicReleaseTableParams, querystring: publicReleaseTableQuery, response: { 200: statsResult } } }, async (req) =>
    releases.publicTable(req.params.table, req.query),
  );
  app.get('/api/v1/public/releases', { config: open, schema: { tags, querystring: publicReleaseListQuery, response: { 200: releaseList } } }, async (req) => ({
    items: await releases.publicList(req.query.year),
  }));
  app.get('/api/v1/public/releases/:releaseId', { config: open, schema: { tags, params: releaseParams, response: { 200: releaseView } } }, async (req) => releases.publicGet(req.params.releaseId));
  app.get('/api/v1/public/releases/:releaseId/tables.csv', { config: open, schema: { tags, params: releaseParams } }, async (req, reply) => {
    const release = await releases.publicGet(req.params.releaseId);
    return sendFile(reply, releaseCsv(release, localeFromHeader(req.headers['accept-language'])), 'text/csv; charset=utf-8', releaseFileName(release, 'csv'));
  });
  app.get('/api/v1/public/releases/:releaseId/tables.xlsx', { config: open, schema: { tags, params: releaseParams } }, async (req, reply) => {
    const release = await releases.publicGet(req.params.releaseId);
    return sendFile(reply, await releaseXlsx(release, localeFromHeader(req.headers['accept-language'])), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', releaseFileName(release, 'xlsx'));
  });
}
