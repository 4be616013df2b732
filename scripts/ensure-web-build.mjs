// Builds the web app when its bundle is missing or older than its sources, so `npm start` and the
// browser tests always serve the current app without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const output = join(root, 'dist/web/index.html');
const sources = [join(root, 'src/web'), join(root, 'src/i18n'), join(root, 'src/contracts'), join(root, 'src/core'), join(root, 'index.html'), join(root, 'vite.config.ts'), join(root, 'scripts/precompress.mjs'), join(root, 'scripts/pwa.mjs')];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

if (!existsSync(join(root, 'src/web/main.tsx'))) process.exit(0); // no web app in this checkout yet
if (existsSync(output) && statSync(output).mtimeMs >= Math.max(...sources.map(newest))) process.exit(0);
console.log('Building the web app…');
const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
