import { z } from 'zod';
import { startOfNextDayInTimeZone, startOfDayInTimeZone } from '../../core/country-date';
import { isoDate, listQuery, listResponse } from '../../contracts/common';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { readableAuditCondition } from '../policy';
import { listAuditEntries } from './audit.repository';

const auditQuery = listQuery.extend({
  action: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const auditEntryView = z.object({
  id: z.number(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(),
  institutionId: z.string().nullable(), action: z.string(), entityType: z.string().nullable(), entityId: z.string().nullable(),
  reason: z.string().nullable(), requestId: z.string().nullable(), ip: z.string().nullable(), details: z.record(z.string(), z.unknown()),
});

/**
 * Administrators read the whole log; supervisors read their own institution's entries.
 * Reading the log is itself not audited (it holds no identifying data).
 */
export function registerAuditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/audit',
    { preValidation: requirePermission('audit.read'), schema: { tags: ['audit'], querystring: auditQuery, response: { 200: listResponse(auditEntryView) } } },
    async (req) => {
      const q = req.query;
      const { rows, total } = await listAuditEntries(
        deps.db,
        {
          action: q.action, actorId: q.actorId, entityType: q.entityType, entityId: q.entityId,
          from: q.from ? startOfDayInTimeZone(q.from) : undefined,
          before: q.to ? startOfNextDayInTimeZone(q.to) : undefined,
        },
        readableAuditCondition(req.ctx.actor),
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      );
      return {
        items: rows.map(({ hash: _h, prevHash: _p, seq: _s, ...row }) => ({ ...row, at: row.at.toISOString(), details: row.details as Record<string, unknown> })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
