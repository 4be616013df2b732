import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from '../../../scripts/precompress.mjs';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { buildApp } from '../app';
import type { App } from './types';

/**
 * The web app's files as the server sends them: a tiny build directory (same layout as Vite's) precompressed
 * by the build plugin's own function, served by the real app.
 */
describe('static web files: precompressed and cached by name', () => {
  let dir: string;
  let registry: TestRegistry;
  let web: App;
  const script = `export const labels = [${Array.from({ length: 400 }, (_, i) => `"etiqueta número ${i}"`).join(',')}];\n`;
  const style = `${Array.from({ length: 200 }, (_, i) => `.c${i}{color:#123456;padding:${i}px}`).join('\n')}\n`;
  const html = '<!doctype html><html><head><script type="module" src="/assets/index-AbCd1234.js"></script></head><body><div id="root"></div></body></html>';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reta-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'assets', 'index-AbCd1234.js'), script);
    writeFileSync(join(dir, 'assets', 'index-Q_w-9XyZ.css'), style);
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n'.repeat(100));
    writeFileSync(join(dir, 'sw.js'), `const PRECACHE = ${JSON.stringify(Array.from({ length: 80 }, (_, i) => `/assets/chunk-${i}-AbCd1234.js`))};\n`);
    writeFileSync(join(dir, 'manifest.webmanifest'), JSON.stringify({ name: 'RETA', start_url: '/', display: 'standalone' }));
    precompressDirectory(dir);
    registry = await createTestRegistry({ webDir: dir });
    web = await buildApp(registry.deps, { serveWeb: true });
    await web.ready();
  });
  afterAll(async () => {
    await web?.close();
    await registry?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the build writes brotli and gzip siblings of every text file worth compressing', () => {
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'index-AbCd1234.js.br'))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'index-Q_w-9XyZ.css.gz'))).toString()).toBe(style);
    // A file too small to gain anything (the fixture's index.html) is left alone.
    expect(() => readFileSync(join(dir, 'index.html.br'))).toThrow();
  });

  it('a browser that accepts brotli gets the brotli file, with its encoding, type and Vary', async () => {
    const res = await web.inject({ method: 'GET', url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(script.length / 3);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('a browser without brotli gets gzip; one without any encoding gets the plain file', async () => {
    const gz = await web.inject({ method: 'GET', url: '/assets/index-Q_w-9XyZ.css', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/text\/css/);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(style);
    const plain = await web.inject({ method: 'GET', url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('hashed files are cached for a year and never revalidated, whichever encoding is sent', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      for (const url of ['/assets/index-AbCd1234.js', '/assets/index-Q_w-9XyZ.css']) {
        const res = await web.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding } });
        expect(res.statusCode, `${url} ${encoding}`).toBe(200);
        expect(res.headers['cache-control'], `${url} ${encoding}`).toBe('public, max-age=31536000, immutable');
      }
    }
  });

  it('index.html (also as the fallback of the app routes) and unhashed files are revalidated every time', async () => {
    for (const url of ['/', '/index.html', '/cases/0b8f2a54-0000-4000-8000-000000000000', '/login?next=%2Fstats', '/robots.txt']) {
      const res = await web.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const page = await web.inject({ method: 'GET', url: '/cases', headers: { 'accept-encoding': 'br' } });
    expect(page.body).toBe(html);
    // The plain file served from a precompressed sibling's place is no longer hashed: no immutable caching.
    const robots = await web.inject({ method: 'GET', url: '/robots.txt', headers: { 'accept-encoding': 'br' } });
    expect(robots.headers['content-encoding']).toBe('br');
  });

  it('the service worker and the manifest (offline work) are revalidated on every use, so a new build reaches every device', async () => {
    const sw = await web.inject({ method: 'GET', url: '/sw.js', headers: { 'accept-encoding': 'br' } });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['content-encoding']).toBe('br');
    const manifest = await web.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect(manifest.headers['content-type']).toMatch(/manifest\+json/);
  });

  it('API answers keep no-store beside the static files', async () => {
    const res = await web.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'accept-encoding': 'br' } });
    expect(res.headers['cache-control']).toBe('no-store');
    const missing = await web.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('a missing build file is a 404, never the app page in its place', async () => {
    const res = await web.inject({ method: 'GET', url: '/assets/index-AAAAAAAAAA.js' });
    expect(res.statusCode).toBe(404);
    expect(String(res.body)).not.toMatch(/<html/i);
  });
});
