import { HttpError } from 'react-admin';

/**
 * The back-office's one HTTP helper: same-origin `/api`, session cookie included, and RFC 9457
 * problem documents turned into react-admin `HttpError`s (message = the server's French `title`,
 * body = the whole problem, so `body.code` stays available).
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<{ json: T; headers: Headers }> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  if (init.body !== undefined && !(init.body instanceof FormData)) headers.set('Content-Type', 'application/json');

  const response = await fetch(`/api${path}`, { ...init, headers, credentials: 'include' });
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json().catch(() => null) : null;

  if (!response.ok) {
    const problem = (body ?? {}) as { title?: unknown; code?: unknown };
    const title = typeof problem.title === 'string' ? problem.title : response.statusText;
    throw new HttpError(title, response.status, body);
  }
  return { json: body as T, headers: response.headers };
}
