/* RETA's service worker (README "Offline work"). Built by scripts/pwa.mjs, which fills in the build's
 * version and the list of its files. It keeps only what is the same for every user: the app shell (HTML,
 * scripts, styles) and reference data (places, countries). Everything about cases, people and the user's
 * work lives in the page's encrypted IndexedDB store (src/web/offline/), never here. */
const VERSION = '__RETA_VERSION__';
const PRECACHE = __RETA_PRECACHE__;
const SHELL = `reta-shell-${VERSION}`;
const REFERENCE = 'reta-reference-v1';
/** Reference data a form needs; the same for everyone, nothing identifying. */
const REFERENCE_PATHS = /^\/api\/v1\/reference\/(ubigeo|countries|codes)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

// A new version takes over at once: queued work is in IndexedDB, which an update does not touch.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('reta-shell-') && n !== SHELL).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'reta:wipe-reference') event.waitUntil(caches.delete(REFERENCE));
});

/**
 * The network's answer when it comes (and kept for next time); the kept one when there is no network, or —
 * with `patienceMs`, on a link that connects but crawls — when the network has not answered by then.
 */
async function networkFirst(request, cacheName, fallbackKey, patienceMs) {
  const cache = await caches.open(cacheName);
  const key = fallbackKey ?? request;
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(key, response.clone());
    return response;
  });
  // Still kept in the cache when it arrives late; its failure is handled below when it matters.
  fromNetwork.catch(() => undefined);
  try {
    if (!patienceMs) return await fromNetwork;
    const cached = await cache.match(key);
    if (!cached) return await fromNetwork;
    const late = new Promise((resolve) => setTimeout(() => resolve(cached), patienceMs));
    return await Promise.race([fromNetwork, late]);
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (REFERENCE_PATHS.test(url.pathname)) {
    event.respondWith(networkFirst(request, REFERENCE));
    return;
  }
  // Downloads (reports as PDF/XLSX), the rest of the API, its docs and metrics are the server's, never the shell.
  if (url.pathname.startsWith('/api/') || url.pathname === '/metrics') return;
  if (request.mode === 'navigate') {
    // Always the newest shell when online; the cached one (every route is the same index.html) offline.
    event.respondWith(networkFirst(new Request('/', { credentials: 'same-origin' }), SHELL, '/', 4000).catch(() => caches.match('/')));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  }
});
