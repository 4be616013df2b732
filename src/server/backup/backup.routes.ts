import { z } from 'zod';
import type { Deps } from '../deps';
import { requirePermission } from '../http/auth.hooks';
import type { App } from '../http/types';
import { backupServiceFor, type BackupInfo } from './backup.service';

const backupView = z.object({ name: z.string(), bytes: z.number(), at: z.string() });
const present = ({ name, bytes, at }: BackupInfo) => ({ name, bytes, at });

/** Administrators make an online backup now and see the ones kept (the files stay on the server). */
export function registerBackupRoutes(app: App, deps: Deps) {
  const backups = backupServiceFor(deps);
  const manage = requirePermission('admin.backups.manage');
  const tags = ['admin'];
  app.get('/api/v1/admin/backups', { preValidation: manage, schema: { tags, response: { 200: z.object({ items: z.array(backupView), keep: z.number(), everyMinutes: z.number() }) } } }, async () => ({
    items: backups.list().map(present),
    keep: deps.config.backupKeep,
    everyMinutes: deps.config.backupEveryMinutes,
  }));
  app.post('/api/v1/admin/backups', { preValidation: manage, schema: { tags, response: { 201: backupView } } }, async (req, reply) =>
    reply.code(201).send(present(await backups.create(req.ctx, 'admin'))),
  );
}
