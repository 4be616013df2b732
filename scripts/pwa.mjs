import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="#1c4f8a"/><text x="256" y="318" font-family="sans-serif" font-size="168" font-weight="700" text-anchor="middle" fill="#fff">RETA</text></svg>`;

/**
 * The installable web app (README "Offline work"): writes `manifest.webmanifest`, an icon and `sw.js` (from
 * src/web/offline/service-worker.js) with this build's version and the list of files to keep for offline
 * use: index.html and every script, stylesheet and font of the build, so a reload with no connection opens
 * the app. sw.js and the manifest are not content-hashed, so the server revalidates them on every use
 * (src/server/http/static-files.ts): a new build reaches every device at its next contact.
 */
/** @returns {import('vite').Plugin} */
export function pwa() {
  let root = '.';
  let outDir = 'dist';
  return {
    name: 'reta-pwa',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = join(config.root, config.build.outDir);
    },
    transformIndexHtml() {
      return [
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#1c4f8a' }, injectTo: 'head' },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icon.svg' }, injectTo: 'head' },
      ];
    },
    // After writing, from the bundle as written: Vite drops style-only chunks late, and a listed file that
    // does not exist would make the service worker's install fail (or keep the wrong file). Before
    // precompress (closeBundle), so sw.js gets its compressed siblings too.
    writeBundle(_options, bundle) {
      // Charts are not needed offline (statistics need the server): fetched, and then kept, only when opened.
      const files = Object.keys(bundle)
        .filter((name) => /\.(js|css|woff2?|svg|png)$/.test(name) && !/echarts/.test(name) && existsSync(join(outDir, name)))
        .sort();
      const template = readFileSync(join(root, 'src/web/offline/service-worker.js'), 'utf8');
      const version = createHash('sha256').update(files.join('\n')).update(template).digest('hex').slice(0, 12);
      const precache = ['/', ...files.map((name) => `/${name}`), '/manifest.webmanifest', '/icon.svg'];
      writeFileSync(join(outDir, 'sw.js'), template.replace("'__RETA_VERSION__'", JSON.stringify(version)).replace('__RETA_PRECACHE__', JSON.stringify(precache)));
      writeFileSync(join(outDir, 'icon.svg'), ICON);
      writeFileSync(
        join(outDir, 'manifest.webmanifest'),
        JSON.stringify({
          name: 'RETA — Registro de trata de personas',
          short_name: 'RETA',
          lang: 'es',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: '#1c4f8a',
          icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any maskable' }],
        }, null, 2),
      );
    },
  };
}
