
import {
  annualCreate, annualReportView, ctdcExtractQuery, exportTableQuery, exportYearQuery, snapshotList, snapshotListQuery, snapshotParams,
  snapshotSummary, systemInfo,
} from '../../contracts/reports';
import { appVersion } from '../version';
import type { Deps } from '../deps';
import { requireAnyPermission, requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { renderAnnualFile } from './annual.files';
import { createExportService, type ExportFormat } from './export.service';
import { createSnapshotService } from './snapshot.service';
import { sendFile } from '../http/send-file';

const tags = ['reports'];
const formats: ExportFormat[] = ['csv', 'xlsx', 'json'];

export function registerReportRoutes(app: App, deps: Deps) {
  const snapshots = createSnapshotService(deps, (what, error) => app.log.warn({ what, err: error instanceof Error ? error.message : String(error) }, 'annual report figure unavailable'));
  const exports = createExportService(deps);
  const readReports = requireAnyPermission('report.manage', 'stats.read');
  const exportFiles = requirePermission('export.create', 'stats.read');

  app.get('/api/v1/system/info', { config: { public: true }, schema: { tags: ['system'], response: { 200: systemInfo } } }, async () => ({
    demoMode: deps.config.demoMode,
    version: appVersion,
    databaseKind: deps.database.kind,
  }));

  app.post('/api/v1/reports/annual', { preValidation: requirePermission('report.manage'), schema: { tags, body: annualCreate, response: { 201: snapshotSummary } } }, async (req, reply) =>
    reply.code(201).send(await snapshots.create(req.ctx, req.body)),
  );
  app.get('/api/v1/reports/annual', { preValidation: readReports, schema: { tags, querystring: snapshotListQuery, response: { 200: snapshotList } } }, async (req) => ({
    items: await snapshots.list(req.ctx, req.query.year),
  }));
  app.get('/api/v1/reports/annual/:snapshotId', { preValidation: readReports, schema: { tags, params: snapshotParams, response: { 200: annualReportView } } }, async (req) =>
    snapshots.get(req.ctx, req.params.snapshotId),
  );
  // The synchronous routes stay for API clients and scripts; the web app runs the same work as background jobs (src/server/jobs).
  for (const format of ['pdf', 'xlsx', 'docx'] as const) {
    app.get(`/api/v1/reports/annual/:snapshotId/report.${format}`, { preValidation: [readReports, requirePermission('export.create')], schema: { tags, params: snapshotParams } }, async (req, reply) => {
      const report = await snapshots.get(req.ctx, req.params.snapshotId);
      const file = await renderAnnualFile(report, format, req.ctx.locale, deps.config.demoMode);
      await exports.audit(req.ctx, { kind: 'annual_report', format, snapshotId: report.id, year: report.year, contentHash: report.contentHash });
      return sendFile(reply, file);
    });
  }

  // Case-level records: exact-figure readers only (see htcds.export.ts).
  app.get('/api/v1/exports/htcds.json', { preValidation: requirePermission('export.create', 'stats.exact'), schema: { tags, querystring: exportYearQuery } }, async (req, reply) =>
    sendFile(reply, await exports.htcds(req.ctx, req.query.year)),
  );

  for (const format of formats) {
    app.get(`/api/v1/exports/table.${format}`, { preValidation: exportFiles, schema: { tags, querystring: exportTableQuery } }, async (req, reply) =>
      sendFile(reply, await exports.table(req.ctx, req.query, format)),
    );
    app.get(`/api/v1/exports/glotip.${format}`, { preValidation: exportFiles, schema: { tags, querystring: exportYearQuery } }, async (req, reply) =>
      sendFile(reply, await exports.glotip(req.ctx, req.query.year, format)),
    );
    app.get(`/api/v1/exports/ctdc.${format}`, { preValidation: exportFiles, schema: { tags, querystring: ctdcExtractQuery.omit({ format: true }) } }, async (req, reply) =>
      sendFile(reply, await exports.ctdc(req.ctx, { ...req.query, format })),
    );
  }
}


