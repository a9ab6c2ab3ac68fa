/**
 * The one HTTP client of the app. Every call goes to the same-origin API under `/api`, sends the
 * session cookie, and turns failures (RFC 9457 `application/problem+json`) into an `ApiError`.
 */

export const apiBase = '/api';

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never reached the server (offline, DNS, CORS). */
    readonly status: number,
    /** Stable machine code from the server (`otp_expired`…), or `network_error` / `unknown_error`. */
    readonly code: string,
    /** Human message from the server, in French; may be shown to the person as is. */
    readonly title: string,
    /** The whole problem document, for fields specific to one error (`retryAfter`…). */
    readonly problem: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${status} ${code}: ${title}`);
    this.name = 'ApiError';
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A plain object is sent as JSON; `FormData` (uploads) is sent as multipart as is. */
  body?: Json | FormData;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a failed response into an `ApiError`, whatever the server (or a proxy in between) sent. */
export async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const problem: unknown = await response.json();
      if (isRecord(problem)) {
        const code = typeof problem.code === 'string' ? problem.code : 'unknown_error';
        const title = typeof problem.title === 'string' ? problem.title : response.statusText;
        const status = typeof problem.status === 'number' ? problem.status : response.status;
        const retryAfter = response.headers.get('Retry-After');
        if (retryAfter !== null && problem.retryAfter === undefined) problem.retryAfter = retryAfter;
        return new ApiError(status, code, title, problem);
      }
    } catch {
      // not JSON after all: fall through
    }
  }
  const retryAfter = response.headers.get('Retry-After');
  return new ApiError(
    response.status,
    'unknown_error',
    response.statusText || 'Erreur inattendue',
    retryAfter === null ? {} : { retryAfter },
  );
}

let unauthorizedHandler: (() => void) | null = null;

/** Called when the server says the session is gone (401), e.g. to show the login screen again. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, headers = {} } = options;
  const isForm = body instanceof FormData;
  const init: RequestInit = {
    method,
    credentials: 'include',
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    signal: signal ?? null,
  };
  if (body !== undefined) init.body = isForm ? body : JSON.stringify(body);

  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Pas de connexion au serveur.');
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !path.startsWith('/auth/')) unauthorizedHandler?.();
    throw error;
  }
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  return (await response.json()) as T;
}

/** The JSON body of `operation`'s 200/201 answer, from the generated OpenAPI types. */
export type ResponseOf<Op> = Op extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : R extends { 202: { content: { 'application/json': infer B } } }
        ? B
        : never
  : never;

/** The JSON body `operation` takes. */
export type BodyOf<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** A POST whose answer is a file (a PDF…): the bytes, or an `ApiError`. */
export async function postForBlob(path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, { method: 'POST', credentials: 'include' });
  } catch {
    throw new ApiError(0, 'network_error', 'Pas de connexion au serveur.');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401) unauthorizedHandler?.();
    throw error;
  }
  return response.blob();
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: RequestOptions['body'], options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', ...(body === undefined ? {} : { body }) }),
  put: <T>(path: string, body?: RequestOptions['body'], options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', ...(body === undefined ? {} : { body }) }),
  patch: <T>(path: string, body?: RequestOptions['body'], options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', ...(body === undefined ? {} : { body }) }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
