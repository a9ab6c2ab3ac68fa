/*
 * Consigne service worker — caches the app shell only, so the app opens on a bad connection.
 *
 *   /assets/*  (Vite output, content-hashed, immutable) → cache first
 *   navigations and /index.html                        → network first, cached shell when offline
 *   /api/*, /admin/*, other origins, non-GET            → not touched: straight to the network
 *
 * Papers and personal data are never cached here. The build stamps SHELL_VERSION with a hash of
 * index.html, so every release installs a fresh cache and removes the previous one.
 */
const SHELL_VERSION = 'dev';
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
      await cache.addAll([...STATIC_URLS, ...assetsOf(html)]);
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
  return (
    request.method !== 'GET' ||
    url.origin !== self.location.origin ||
    url.pathname.startsWith('/api/') ||
    url.pathname === '/api' ||
    url.pathname.startsWith('/admin')
  );
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

  if (request.mode === 'navigate' || url.pathname === SHELL_URL) {
    event.respondWith(networkFirstShell(request));
  } else if (url.pathname.startsWith('/assets/') || STATIC_URLS.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});
