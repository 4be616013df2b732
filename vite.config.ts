import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.mjs';
import { pwa } from './scripts/pwa.mjs';

/**
 * The web app: index.html at the repository root, sources in src/web, output in dist/web (the server
 * serves it). Routes, charts and administration are split into chunks loaded on demand, so a remote post
 * on a slow link downloads only the shell and the sign-in page first; every text file is also written
 * brotli- and gzip-compressed beside itself for the server to send as is. scripts/pwa.mjs makes it an
 * installable app with a service worker that opens it with no connection (README "Offline work").
 */
export default defineConfig({
  root: '.',
  publicDir: false,
  plugins: [react(), pwa(), precompress()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    // One chunk for everything the first screen imports statically (rolldown's `$initial` modules). Left to
    // itself the bundler cuts it into many small chunks wherever a lazy page shares a module with it (17 files
    // for the sign-in page, most of 1–4 KB): on a slow link each is one more request. The first screen's
    // modules are downloaded before any lazy page anyway, so one chunk costs the lazy pages nothing.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } } },
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.RETA_PORT ?? 3000}` },
  },
});
