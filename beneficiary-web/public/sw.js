/*
 * Consigne service worker — the app opens and the list of papers can be read on a bad connection.
 *
 *   /assets/*  (Vite output, content-hashed, immutable) → cache first (all screens precached)
 *   navigations and /index.html                        → network first, cached shell when offline
 *   GET /api/documents (my list, not the trash)        → network first, kept copy when offline  ┐ only when the
 *   GET /api/documents/:id/thumbnail                   → cache first (a thumbnail never changes) ┘ page created
 *                                                                                                   `consigne-papers`
 *   GET /api/documents/:id/content                     → network; offline, the copy the person asked to keep
 *   other /api/*, /admin/*, other origins, non-GET      → not touched: straight to the network
 *
 * Personal data is cached only on a phone the person said is their own: the page creates the
 * `consigne-papers` cache then (src/lib/offline.ts), and deletes it and `consigne-kept` at logout.
 * Whole documents are kept only when the person asks ("keep on this phone"), by the page.
 * The build stamps SHELL_VERSION with a hash of index.html and fills PRECACHE with every built
 * asset, so every release installs a fresh cache and removes the previous one.
 */
const SHELL_VERSION = 'dev';
const PRECACHE = [];
const PAPERS_CACHE = 'consigne-papers';
const KEPT_CACHE = 'consigne-kept';
const LIST_PATH = '/api/documents';
const THUMBNAIL = /^\/api\/documents\/[0-9a-f-]{36}\/thumbnail$/;
const CONTENT = /^\/api\/documents\/[0-9a-f-]{36}\/content$/;
const CACHE = `consigne-shell-${SHELL_VERSION}`;
const SHELL_URL = '/index.html';
const STATIC_URLS = ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/favicon.svg'];

/** The hashed scripts and styles that index.html loads, read from its HTML. */
function assetsOf(html) {
  const urls = new Set();
  for (const match of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) urls.add(match[1]);
  return [...urls];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(SHELL_URL, { cache: 'no-store' });
      if (!response.ok) throw new Error(`shell fetch failed: ${response.status}`);
      const html = await response.clone().text();
      await cache.put(SHELL_URL, response);
      await cache.addAll([...new Set([...STATIC_URLS, ...assetsOf(html), ...PRECACHE])]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith('consigne-shell-') && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

function isBypassed(url, request) {
  return request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/admin');
}

/** My list of papers: fresh when possible, the last copy when offline; prunes unused thumbnails. */
async function papersList(request) {
  const cache = await caches.open(PAPERS_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(request, response.clone());
      pruneThumbnails(cache, response.clone()).catch(() => undefined);
    }
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

/** When the list is complete (one page), thumbnails of papers no longer in it are dropped. */
async function pruneThumbnails(cache, response) {
  const list = await response.json();
  if (!Array.isArray(list.data) || list.total !== list.data.length) return;
  const ids = new Set(list.data.map((paper) => paper.id));
  for (const request of await cache.keys()) {
    const match = /^\/api\/documents\/([0-9a-f-]{36})\/thumbnail$/.exec(new URL(request.url).pathname);
    if (match && !ids.has(match[1])) await cache.delete(request);
  }
}

async function thumbnail(request) {
  const cache = await caches.open(PAPERS_CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && (await caches.has(PAPERS_CACHE))) await cache.put(request, response.clone());
  return response;
}

async function keptDocument(request) {
  try {
    return await fetch(request);
  } catch (error) {
    if (await caches.has(KEPT_CACHE)) {
      const cache = await caches.open(KEPT_CACHE);
      const kept = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
      if (kept) return kept;
    }
    throw error;
  }
}

/** API requests the worker handles; everything else under /api goes straight to the network. */
async function routeApi(event, url) {
  const { request } = event;
  if (url.pathname === LIST_PATH && !url.searchParams.has('trash')) {
    if (await caches.has(PAPERS_CACHE)) return papersList(request);
  } else if (THUMBNAIL.test(url.pathname)) {
    if (await caches.has(PAPERS_CACHE)) return thumbnail(request);
  } else if (CONTENT.test(url.pathname)) {
    return keptDocument(request);
  }
  return fetch(request);
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirstShell(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      await cache.put(SHELL_URL, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await cache.match(SHELL_URL);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (isBypassed(url, request)) return;

  if (url.pathname.startsWith('/api/')) {
    if (url.pathname === LIST_PATH || THUMBNAIL.test(url.pathname) || CONTENT.test(url.pathname)) {
      event.respondWith(routeApi(event, url));
    }
    return;
  }

  if (request.mode === 'navigate' || url.pathname === SHELL_URL) {
    event.respondWith(networkFirstShell(request));
  } else if (url.pathname.startsWith('/assets/') || STATIC_URLS.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});
