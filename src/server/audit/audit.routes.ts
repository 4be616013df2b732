import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { isoDate, listQuery, listResponse } from '../../contracts/common';
import { auditLog } from '../../db/schema';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';

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
      const filters: SQL[] = [];
      if (q.action) filters.push(eq(auditLog.action, q.action));
      if (q.actorId) filters.push(eq(auditLog.actorId, q.actorId));
      if (q.entityType) filters.push(eq(auditLog.entityType, q.entityType));
      if (q.entityId) filters.push(eq(auditLog.entityId, q.entityId));
      if (q.from) filters.push(gte(auditLog.at, new Date(`${q.from}T00:00:00Z`)));
      if (q.to) filters.push(lte(auditLog.at, new Date(`${q.to}T23:59:59.999Z`)));
      if (!req.ctx.actor.roles.includes('administrator')) filters.push(eq(auditLog.institutionId, req.ctx.actor.institutionId));
      const where = filters.length ? and(...filters) : undefined;
      const [rows, [total]] = await Promise.all([
        deps.db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
        deps.db.select({ n: count() }).from(auditLog).where(where),
      ]);
      return {
        items: rows.map(({ hash: _h, prevHash: _p, seq: _s, ...row }) => ({ ...row, at: row.at.toISOString(), details: row.details as Record<string, unknown> })),
        total: Number(total?.n ?? 0),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
