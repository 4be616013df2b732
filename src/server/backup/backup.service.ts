import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';

export interface BackupInfo {
  name: string;
  file: string;
  bytes: number;
  at: string;
}

/** Names RETA gives its backups (and the only files retention ever deletes). */
export const BACKUP_NAME = /^reta-backup-\d{8}T\d{6}(\d{3})?Z\.(tar\.gz|pgdump)$/;

const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace('.', '');

/** A custom-format pg_dump of the database (one consistent snapshot; the server keeps serving). */
export function pgDump(url: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${url}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new Error(`pg_dump could not be run (${error.message}): install the PostgreSQL client tools of the server's version`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/**
 * Online backups of the running registry into RETA_BACKUP_DIR: PGlite's data directory copied by the process
 * that owns it (no transaction open during the copy), PostgreSQL through pg_dump. A backup is written under
 * a temporary name and renamed when complete, so a file with a backup name is always whole. The keys are
 * never in it. After each backup only the newest `backupKeep` are kept.
 */
export function createBackupService(deps: Deps) {
  const { config, database } = deps;

  function list(): BackupInfo[] {
    let names: string[];
    try {
      names = readdirSync(config.backupDir);
    } catch {
      return [];
    }
    return names
      .filter((name) => BACKUP_NAME.test(name))
      .map((name) => {
        const file = join(config.backupDir, name);
        const stat = statSync(file);
        return { name, file, bytes: stat.size, at: stat.mtime.toISOString() };
      })
      .sort((a, b) => b.name.localeCompare(a.name));
  }

  function applyRetention(): string[] {
    const removed = list().slice(config.backupKeep);
    for (const old of removed) rmSync(old.file, { force: true });
    return removed.map((r) => r.name);
  }

  let running: Promise<BackupInfo> | undefined;

  /** Makes one backup (a second request while one runs gets the same one), audited as `backup.create`. */
  function create(ctx: Ctx, trigger: 'admin' | 'schedule' | 'signal' | 'cli'): Promise<BackupInfo> {
    running ??= (async () => {
      mkdirSync(config.backupDir, { recursive: true, mode: 0o700 });
      const at = new Date();
      const name = `reta-backup-${stamp(at)}.${database.kind === 'pglite' ? 'tar.gz' : 'pgdump'}`;
      const file = join(config.backupDir, name);
      const partial = join(config.backupDir, `.${name}.partial`);
      try {
        if (database.dumpDataDir) writeFileSync(partial, await database.dumpDataDir(), { mode: 0o600 });
        else if (database.connectionUrl ?? config.databaseUrl) await pgDump((database.connectionUrl ?? config.databaseUrl)!, partial);
        else throw new Error('this database cannot be backed up from the server');
        renameSync(partial, file);
      } finally {
        rmSync(partial, { force: true });
      }
      const bytes = statSync(file).size;
      const removed = applyRetention();
      await writeAudit(deps.db, ctx, { action: 'backup.create', details: { name, bytes, trigger, removed } });
      return { name, file, bytes, at: at.toISOString() };
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return { create, list };
}

export type BackupService = ReturnType<typeof createBackupService>;

const services = new WeakMap<Deps, BackupService>();

/** The registry's one backup service (routes, schedule and signal share its "one backup at a time"). */
export function backupServiceFor(deps: Deps): BackupService {
  let service = services.get(deps);
  if (!service) services.set(deps, (service = createBackupService(deps)));
  return service;
}
