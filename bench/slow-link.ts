/**
 * The sign-in page on a slow link: how long until the sign-in button can be used, and how many bytes it
 * took, in Debian Chromium with the network emulated (400 kbit/s each way, 400 ms latency, cache off).
 *
 *   npx tsx bench/slow-link.ts                          # starts a server on a fresh PGlite database
 *   npx tsx bench/slow-link.ts --url http://127.0.0.1:3000
 *   npx tsx bench/slow-link.ts --runs 5 --kbps 400 --latency 400
 *   npx tsx bench/slow-link.ts --encoding identity      # as if nothing were compressed (the old server)
 *   npx tsx bench/slow-link.ts --verbose                # every request with its bytes on the wire
 *
 * Builds the web app first when it is stale (scripts/ensure-web-build.mjs). Prints every run and the
 * median. A measurement on a shared machine, never a test.
 */
import { chromium } from 'playwright-core';
import { startBenchWebServer } from './web-server';

const CHROMIUM_PATH = process.env.RETA_CHROMIUM_PATH ?? '/usr/bin/chromium';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const runs = Number(flag('runs', '3'));
const kbps = Number(flag('kbps', '400'));
const latency = Number(flag('latency', '400'));
const encoding = flag('encoding', '');
const path = flag('path', '/login');
const verbose = process.argv.includes('--verbose');

interface Run {
  ms: number;
  bytes: number;
  requests: number;
}

async function main() {
  const given = process.argv.includes('--url') ? flag('url', '') : '';
  const server = given ? { url: given.replace(/\/$/, ''), close: async () => undefined } : await startBenchWebServer('slow-link');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results: Run[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'es-PE' });
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      // Throughput is in bytes per second: 400 kbit/s = 400,000 / 8 bytes per second.
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency,
        downloadThroughput: (kbps * 1000) / 8,
        uploadThroughput: (kbps * 1000) / 8,
      });
      if (encoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': encoding } });
      let bytes = 0;
      let requests = 0;
      const urls = new Map<string, string>();
      let started = performance.now();
      const at = () => `${((performance.now() - started) / 1000).toFixed(2).padStart(6)} s`;
      cdp.on('Network.requestWillBeSent', (event: { requestId: string; request: { url: string } }) => {
        urls.set(event.requestId, event.request.url);
        if (verbose) console.log(`  ${at()}  asks ${new URL(event.request.url).pathname}`);
      });
      cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
        bytes += event.encodedDataLength;
        requests += 1;
        if (verbose) console.log(`  ${at()}  ${(event.encodedDataLength / 1024).toFixed(1).padStart(7)} KB  ${new URL(urls.get(event.requestId) ?? '').pathname}`);
      });
      started = performance.now();
      await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
      const button = page.getByRole('button', { name: /^(Ingresar|Sign in)$/ });
      await button.waitFor({ state: 'visible' });
      await page.waitForFunction(() => {
        const b = [...document.querySelectorAll('button')].find((el) => /^(Ingresar|Sign in)$/.test(el.textContent?.trim() ?? ''));
        return b && !b.disabled && document.querySelector('input[autocomplete="username"]');
      });
      const ms = performance.now() - started;
      results.push({ ms, bytes, requests });
      console.log(`run ${i + 1}: sign-in usable after ${(ms / 1000).toFixed(2)} s, ${(bytes / 1024).toFixed(1)} KB in ${requests} requests`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `median of ${runs}: ${(median.ms / 1000).toFixed(2)} s, ${(median.bytes / 1024).toFixed(1)} KB in ${median.requests} requests ` +
      `(${kbps} kbit/s, ${latency} ms latency, cache disabled${encoding ? `, Accept-Encoding: ${encoding}` : ''})`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
