import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below this size the encoding header and the extra round of decoding cost more than they save. */
const MIN_BYTES = 1024;

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build that gets smaller compressed.
 * @param {string} dir
 */
export function precompressDirectory(dir) {
  const totals = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  for (const path of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(path)) continue;
    const source = readFileSync(path);
    if (source.length < MIN_BYTES) continue;
    const brotli = brotliCompressSync(source, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
    });
    const gzip = gzipSync(source, { level: 9 });
    if (brotli.length < source.length) writeFileSync(`${path}.br`, brotli);
    if (gzip.length < source.length) writeFileSync(`${path}.gz`, gzip);
    totals.files += 1;
    totals.bytes += source.length;
    totals.brotli += Math.min(brotli.length, source.length);
    totals.gzip += Math.min(gzip.length, source.length);
  }
  return totals;
}

/**
 * Precompresses the built web app (brotli and gzip, at build time, with node:zlib only): the server sends
 * the `.br`/`.gz` sibling with its `Content-Encoding` when the browser accepts it (`preCompressed` in
 * @fastify/static), so no request pays for compression and a slow link downloads a fraction of the bytes.
 */
/** @returns {import('vite').Plugin} */
export function precompress() {
  let outDir = 'dist';
  return {
    name: 'reta-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const t = precompressDirectory(outDir);
      const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(0)} KB`;
      console.log(`precompressed ${t.files} files: ${kb(t.bytes)} → brotli ${kb(t.brotli)}, gzip ${kb(t.gzip)}`);
    },
  };
}

// Also usable after any build: `node scripts/precompress.mjs dist/web`.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const t = precompressDirectory(process.argv[2] ?? 'dist/web');
  console.log(`precompressed ${t.files} files`);
}
