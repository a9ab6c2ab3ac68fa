import { HttpError } from 'react-admin';
import { getActiveStructureId } from './active-structure';

/**
 * The back-office's one HTTP layer: same-origin `/api`, the session cookie, the active structure in
 * `X-Structure-Id`, and RFC 9457 problem documents turned into react-admin `HttpError`s (message =
 * the server's French `title`; body = the problem, with `errors` reshaped to `{ field: message }` so
 * forms show the server's validation messages under the right input).
 */
export const structureHeader = 'X-Structure-Id';

interface Problem {
  title?: unknown;
  code?: unknown;
  errors?: unknown;
}

function withStructure(init: RequestInit = {}): Headers {
  const headers = new Headers(init.headers);
  const structureId = getActiveStructureId();
  if (structureId) headers.set(structureHeader, structureId);
  return headers;
}

/** `[{ path: 'body.phone', message }]` → `{ phone: message }` (react-admin's server-side validation shape). */
function fieldErrors(errors: unknown): Record<string, string> | undefined {
  if (!Array.isArray(errors)) return undefined;
  const out: Record<string, string> = {};
  for (const item of errors as { path?: unknown; message?: unknown }[]) {
    if (typeof item?.path !== 'string' || typeof item.message !== 'string') continue;
    const [where, ...rest] = item.path.split('.');
    if (where === 'body' && rest.length > 0) out[rest.join('.')] ??= item.message;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function problemToError(status: number, statusText: string, body: unknown): HttpError {
  const problem = (body ?? {}) as Problem;
  const title = typeof problem.title === 'string' ? problem.title : statusText || 'ra.notification.http_error';
  const errors = fieldErrors(problem.errors);
  const detail = errors ? { ...problem, errors, problemErrors: problem.errors } : problem;
  return new HttpError(title, status, detail);
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json') ? response.json().catch(() => null) : null;
}

/** A raw request; throws an `HttpError` for any non-2xx answer. */
export async function apiRequest(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = withStructure(init);
  headers.set('Accept', headers.get('Accept') ?? 'application/json, application/problem+json');
  if (typeof init.body === 'string') headers.set('Content-Type', 'application/json');
  const response = await fetch(`/api${path}`, { ...init, headers, credentials: 'same-origin' });
  if (!response.ok) throw problemToError(response.status, response.statusText, await readJson(response));
  return response;
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<{ json: T; headers: Headers }> {
  const response = await apiRequest(path, init);
  return { json: (await readJson(response)) as T, headers: response.headers };
}

/** Binary answers (thumbnails, previews, downloads, the emergency card) as a Blob. */
export async function apiBlob(path: string, init: RequestInit = {}): Promise<Blob> {
  const response = await apiRequest(path, { ...init, headers: { Accept: '*/*', ...init.headers } });
  return response.blob();
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * A multipart upload with progress events (fetch has no upload progress): XMLHttpRequest and
 * `upload.onprogress`. Same headers, cookie and error handling as `apiFetch`.
 */
export function apiUpload<T>(
  path: string,
  form: FormData,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    withStructure().forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(problemToError(xhr.status, xhr.statusText, body));
    };
    xhr.onerror = () => reject(new HttpError('consigne.errors.network', 0));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** Saves a Blob under a file name (download attribute on a temporary object URL). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `attachment; filename*=UTF-8''…` or `filename="…"` → the file name. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}
