/**
 * What stays on the phone for reading without network. The service worker (`public/sw.js`) keeps
 * the list of papers and their thumbnails in `consigne-papers` only when that cache exists, which
 * this module creates on a phone the person said is their own; a shared phone keeps nothing.
 * Whole documents are kept only on request, in `consigne-kept`. Logging out removes both.
 * The cache names are repeated in sw.js: change them together.
 */
export const papersCache = 'consigne-papers';
export const keptCache = 'consigne-kept';
const deviceKey = 'consigne.device';

export type DeviceKind = 'own' | 'shared';

const hasCaches = () => typeof caches !== 'undefined';

export function deviceKind(): DeviceKind | null {
  try {
    const value = localStorage.getItem(deviceKey);
    return value === 'own' || value === 'shared' ? value : null;
  } catch {
    return null;
  }
}

export function setDeviceKind(kind: DeviceKind): void {
  try {
    localStorage.setItem(deviceKey, kind);
  } catch {
    // storage disabled: nothing is kept offline
  }
  if (!hasCaches()) return;
  if (kind === 'own') void caches.open(papersCache);
  else void forgetCaches();
}

async function forgetCaches(): Promise<void> {
  if (!hasCaches()) return;
  await Promise.all([caches.delete(papersCache), caches.delete(keptCache)]);
}

/** On logout or an ended session: nothing personal stays on the phone. */
export async function forgetOfflineData(): Promise<void> {
  try {
    localStorage.removeItem(deviceKey);
  } catch {
    // nothing stored
  }
  await forgetCaches().catch(() => undefined);
}

/** A JSON answer kept by the service worker, for when the network is down. */
export async function cachedJson<T>(url: string): Promise<T | null> {
  if (!hasCaches()) return null;
  const response = await caches.match(url, { cacheName: papersCache, ignoreVary: true });
  return response ? ((await response.json()) as T) : null;
}

/** Keeps one document on the phone ("keep offline"), fetched now with the session cookie. */
export async function keepOffline(url: string): Promise<void> {
  const response = await fetch(url, { credentials: 'include' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const cache = await caches.open(keptCache);
  await cache.put(url, response);
}

export async function isKeptOffline(url: string): Promise<boolean> {
  if (!hasCaches()) return false;
  return (await caches.match(url, { cacheName: keptCache })) !== undefined;
}

export async function forgetKept(url: string): Promise<void> {
  if (!hasCaches()) return;
  const cache = await caches.open(keptCache);
  await cache.delete(url);
}

export const canKeepOffline = () => hasCaches() && deviceKind() === 'own';
