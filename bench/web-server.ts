/**
 * A throw-away RETA server for the browser benches: the built web app (built first when stale) on a fresh
 * PGlite database and fresh keys in the temp folder, listening on a free port. `prepare` runs before it
 * listens (e.g. to create users through the API as the built-in administrator).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connect';
import { buildApp } from '../src/server/app';
import { prepareRegistry } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import type { App } from '../src/server/http/types';

export interface BenchWebServer {
  url: string;
  close(): Promise<void>;
}

export async function startBenchWebServer(
  name: string, prepare: (app: App, adminPassword: string) => Promise<void> = async () => undefined,
): Promise<BenchWebServer> {
  const build = spawnSync('node', ['scripts/ensure-web-build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web app did not build');
  const dir = mkdtempSync(join(tmpdir(), `reta-${name}-`));
  const adminPassword = `Bench-${randomBytes(9).toString('base64url')}-2026`;
  const config = {
    ...loadConfig({}), dataDir: join(dir, 'data'), keyFile: join(dir, 'reta.key'), auditKeyFile: join(dir, 'reta-audit.key'),
    encryptionKey: randomBytes(32).toString('base64'), auditKey: randomBytes(32).toString('base64'), adminPassword, logLevel: 'silent',
    // The built-in administrator only sets the bench up through the API; no second factor on a throw-away database.
    twoFactorRoles: [],
  };
  const database = await openDatabase({ dataDir: config.dataDir, lockCommand: 'bench' });
  const registry = await prepareRegistry(config, database);
  const app = await buildApp(registry.deps, { serveWeb: true });
  await prepare(app, adminPassword);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await registry.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
