/**
 * `uploadDocument` with XMLHttpRequest, because fetch cannot report upload progress. A connection
 * that drops is retried by itself (a few times, waiting longer each time and for the network to
 * come back); an answer from the server (too big, wrong type…) is not retried: it is shown.
 */
import { ApiError, apiBase } from '../../../lib/api';
import { paths, type Paper } from './papers';

export interface UploadInput {
  /** One PDF or photo, or several photos of one paper (pages, front/back) to make one PDF. */
  files: readonly File[];
  /** Absent: the server names the paper after the file. */
  title?: string | undefined;
  typeId?: string | undefined;
  typeFields?: Record<string, string> | undefined;
  issueDate?: string | undefined;
  expiryDate?: string | undefined;
}

export interface UploadCallbacks {
  /** 0..100 */
  onProgress: (percent: number) => void;
  /** Called before each new try after a dropped connection (try 2, 3…). */
  onRetry: (attempt: number) => void;
  signal: AbortSignal;
}

function formOf(input: UploadInput): FormData {
  const form = new FormData();
  // Text fields first: the server can refuse a bad type before reading the files.
  form.append('combine', input.files.length > 1 ? 'true' : 'false');
  if (input.title) form.append('title', input.title);
  if (input.typeId) form.append('typeId', input.typeId);
  if (input.typeFields && Object.keys(input.typeFields).length > 0) {
    form.append('typeFields', JSON.stringify(input.typeFields));
  }
  if (input.issueDate) form.append('issueDate', input.issueDate);
  if (input.expiryDate) form.append('expiryDate', input.expiryDate);
  for (const file of input.files) form.append('files', file, file.name);
  return form;
}

function parseProblem(xhr: XMLHttpRequest): ApiError {
  let problem: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(xhr.responseText);
    if (typeof parsed === 'object' && parsed !== null) problem = parsed as Record<string, unknown>;
  } catch {
    // not JSON (a proxy's page)
  }
  const retryAfter = xhr.getResponseHeader('Retry-After');
  if (retryAfter !== null && problem.retryAfter === undefined) problem.retryAfter = retryAfter;
  return new ApiError(
    xhr.status,
    typeof problem.code === 'string' ? problem.code : 'unknown_error',
    typeof problem.title === 'string' ? problem.title : '',
    problem,
  );
}

function sendOnce(input: UploadInput, { onProgress, signal }: Omit<UploadCallbacks, 'onRetry'>): Promise<Paper> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${apiBase}${paths.upload}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.timeout = 10 * 60 * 1000;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress((event.loaded / event.total) * 100);
    };
    const abort = () => xhr.abort();
    signal.addEventListener('abort', abort, { once: true });
    const done = () => signal.removeEventListener('abort', abort);
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        try {
          resolve(JSON.parse(xhr.responseText) as Paper);
        } catch {
          reject(new ApiError(xhr.status, 'unknown_error', ''));
        }
      } else {
        reject(parseProblem(xhr));
      }
    };
    const networkError = () => {
      done();
      reject(new ApiError(0, 'network_error', 'Pas de connexion au serveur.'));
    };
    xhr.onerror = networkError;
    xhr.ontimeout = networkError;
    xhr.onabort = () => {
      done();
      reject(new DOMException('Upload cancelled', 'AbortError'));
    };
    xhr.send(formOf(input));
  });
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      window.removeEventListener('online', finish);
      signal.removeEventListener('abort', cancel);
      resolve();
    }
    function cancel() {
      clearTimeout(timer);
      window.removeEventListener('online', finish);
      reject(new DOMException('Upload cancelled', 'AbortError'));
    }
    window.addEventListener('online', finish);
    signal.addEventListener('abort', cancel, { once: true });
  });
}

const retryDelaysMs = [2_000, 5_000, 15_000];

export async function uploadDocument(input: UploadInput, callbacks: UploadCallbacks): Promise<Paper> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sendOnce(input, callbacks);
    } catch (error) {
      const delay = retryDelaysMs[attempt - 1];
      const dropped =
        error instanceof ApiError &&
        (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504);
      if (!dropped || delay === undefined || callbacks.signal.aborted) throw error;
      // Offline: wait for the network (or the delay, whichever first), then try again.
      await wait(navigator.onLine ? delay : 60_000, callbacks.signal);
      callbacks.onProgress(0);
      callbacks.onRetry(attempt + 1);
    }
  }
}
