import { z } from 'zod';
import { MAX_BOUNDARY_FEATURES } from '../../core/geo/boundaries';
import { boundariesQuery, boundaryCollection, boundaryImportReport } from '../../contracts/reference';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { createBoundaryService } from './boundaries.service';

const tags = ['reference'];
const MAX_GEOJSON_BYTES = 16 * 1024 * 1024;

/** Map boundaries: read by any signed-in user (the maps), imported by administrators as a GeoJSON body. */
export function registerBoundaryRoutes(app: App, deps: Deps) {
  const boundaries = createBoundaryService(deps);

  app.get('/api/v1/reference/boundaries', { schema: { tags, querystring: boundariesQuery, response: { 200: boundaryCollection } } }, async (req, reply) => {
    // Boundaries change only when imported again: a short private cache spares slow links the download.
    reply.header('cache-control', 'private, max-age=300');
    return boundaries.collection(req.query);
  });

  app.post(
    '/api/v1/reference/boundaries/import',
    {
      preValidation: requirePermission('admin.reference.manage'),
      bodyLimit: MAX_GEOJSON_BYTES,
      schema: {
        tags,
        querystring: z.object({ source: z.string().max(300).regex(/^[^\u0000-\u001f]*$/, { message: 'invalid_value' }).optional() }),
        body: z.looseObject({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()).min(1).max(MAX_BOUNDARY_FEATURES) }),
        response: { 200: boundaryImportReport },
      },
    },
    async (req) => boundaries.importGeoJson(req.ctx, req.body, req.query.source ?? null),
  );
}
