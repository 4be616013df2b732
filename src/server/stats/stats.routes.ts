import { z } from 'zod';
import {
  derivedQuery, durationsResult, funnelResult, indicatorList, occupancyQuery, occupancyResult, prosecutionTableQuery, prosecutionTableResult, routesResult, statsQuery, statsResult,
} from '../../contracts/stats';
import { statsCasesQuery, statsCasesResult } from '../../contracts/stats-cases';
import { provinceQuery, provinceResult } from '../../contracts/stats-map';
import type { Deps } from '../deps';
import { invalid } from '../errors/app-error';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { casesBehindFigure } from './stats.cases';
import { provincesOfDepartment } from './stats.provinces';
import { createStatsService } from './stats.service';

const tags = ['stats'];

/** Statistics for signed-in readers (`stats.read`). */
export function registerStatsRoutes(app: App, deps: Deps) {
  const stats = createStatsService(deps);
  const read = requirePermission('stats.read');

  app.get('/api/v1/stats/indicators', { preValidation: read, schema: { tags, response: { 200: indicatorList } } }, async (req) => stats.definitions(req.ctx.locale));
  app.get('/api/v1/stats/definitions.md', { preValidation: read, schema: { tags, response: { 200: z.string() } } }, async (req, reply) =>
    reply.type('text/markdown; charset=utf-8').send(stats.definitionsMarkdown(req.ctx.locale)),
  );
  app.get('/api/v1/stats/query', { preValidation: read, schema: { tags, querystring: statsQuery, response: { 200: statsResult } } }, async (req) => stats.query(req.ctx, req.query));
  // The cases behind one figure (a cell, a margin, the total), for readers of exact figures who read cases.
  app.get('/api/v1/stats/cases', { preValidation: read, schema: { tags, querystring: statsCasesQuery, response: { 200: statsCasesResult } } }, async (req) => casesBehindFigure(deps, stats, req.ctx, req.query));
  // The map's drill-down: one department's figure by the provinces of its places of exploitation.
  app.get('/api/v1/stats/provinces', { preValidation: read, schema: { tags, querystring: provinceQuery, response: { 200: provinceResult } } }, async (req) => provincesOfDepartment(deps, stats, req.ctx, req.query));
  app.get('/api/v1/stats/routes', { preValidation: read, schema: { tags, querystring: derivedQuery, response: { 200: routesResult } } }, async (req) => stats.routes(req.ctx, req.query));
  app.get('/api/v1/stats/funnel', { preValidation: read, schema: { tags, querystring: derivedQuery, response: { 200: funnelResult } } }, async (req) => stats.funnel(req.ctx, req.query));
  app.get('/api/v1/stats/prosecution-table', { preValidation: read, schema: { tags, querystring: prosecutionTableQuery, response: { 200: prosecutionTableResult } } }, async (req) => {
    if (req.query.from && req.query.to && req.query.from > req.query.to) throw invalid({ from: 'stats.invalid_period' }, 'stats.invalid_period');
    return stats.prosecutionTable(req.ctx, req.query);
  });
  app.get('/api/v1/stats/durations', { preValidation: read, schema: { tags, querystring: derivedQuery, response: { 200: durationsResult } } }, async (req) => stats.durations(req.ctx, req.query));

  app.get('/api/v1/stats/shelters', { preValidation: read, schema: { tags, querystring: occupancyQuery, response: { 200: occupancyResult } } }, async (req) => {
    if (req.query.from && req.query.to && req.query.from > req.query.to) throw invalid({ from: 'stats.invalid_period' }, 'stats.invalid_period');
    return stats.occupancy(req.ctx, req.query);
  });
  // The public open-data tables are served from frozen releases only: src/server/releases/release.routes.ts.
}
