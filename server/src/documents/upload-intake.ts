import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Config } from '../config.js';
import { AppError, badRequest, payloadTooLarge, unprocessable } from '../http/errors.js';
import { MAX_COMBINED_PHOTOS } from './media/process-upload.js';

/**
 * Receives a multipart upload (field `files`, 1 to 20 files, plus small text fields) into a fresh
 * temp directory of its own, streaming to disk with the size cap enforced while the bytes arrive
 * (UP-2). The caller processes the files and always calls `cleanup()`, which removes the whole
 * directory: no temp file outlives the request, whatever happened (REL-1).
 */

export interface ReceivedFile {
  path: string;
  originalName: string;
  size: number;
}

export interface Intake {
  dir: string;
  files: ReceivedFile[];
  fields: Record<string, unknown>;
  cleanup(): Promise<void>;
}

/** The request ended before its body did: nobody is left to answer. */
export class ClientAbortedError extends Error {
  override name = 'ClientAbortedError';
}

export const uploadsTempRoot = (config: Pick<Config, 'DATA_DIR'>) => join(config.DATA_DIR, 'tmp', 'uploads');

const megabytes = (bytes: number) => Math.floor(bytes / (1024 * 1024));

export const fileTooLarge = (max: number) =>
  payloadTooLarge(
    'file_too_large',
    `Ce fichier est trop lourd : ${megabytes(max)} Mo au plus par fichier. Envoyez une photo ou un PDF plus léger.`,
    { maxBytes: max },
  );

const tooManyFiles = () =>
  unprocessable(
    'too_many_photos',
    `Un document peut avoir ${MAX_COMBINED_PHOTOS} photos au plus. Envoyez les autres photos dans un autre document.`,
    { max: MAX_COMBINED_PHOTOS },
  );

const malformedUpload = () =>
  badRequest(
    'malformed_upload',
    'Le fichier n’a pas été reçu correctement. Envoyez-le dans le champ « files » d’un formulaire multipart.',
  );

function asAppError(error: unknown, maxBytes: number): Error {
  if (error instanceof MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return fileTooLarge(maxBytes);
    if (error.code === 'LIMIT_FILE_COUNT') return tooManyFiles();
    if (error.code === 'LIMIT_UNEXPECTED_FILE' && error.field === 'files') return tooManyFiles();
    return malformedUpload();
  }
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : '';
  if (/aborted|closed|Unexpected end of form/i.test(message)) return new ClientAbortedError(message);
  return malformedUpload();
}

export async function receiveUpload(req: Request, res: Response, config: Readonly<Config>): Promise<Intake> {
  const dir = join(uploadsTempRoot(config), randomUUID());
  await mkdir(dir, { recursive: true });
  const cleanup = () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  const maxBytes = config.UPLOAD_MAX_BYTES;
  try {
    if (!req.is('multipart/form-data')) throw malformedUpload();
    // A body announcing more than 20 files at the cap can be refused before reading any of it.
    const announced = Number(req.get('content-length') ?? 0);
    if (announced > maxBytes * MAX_COMBINED_PHOTOS + 1024 * 1024) throw fileTooLarge(maxBytes);
    const upload = multer({
      storage: multer.diskStorage({
        destination: (_req, _file, cb) => cb(null, dir),
        filename: (_req, _file, cb) => cb(null, `${randomUUID()}.upload`),
      }),
      defParamCharset: 'utf8',
      limits: {
        fileSize: maxBytes,
        files: MAX_COMBINED_PHOTOS,
        fields: 12,
        fieldSize: 16 * 1024,
        fieldNameSize: 40,
        parts: MAX_COMBINED_PHOTOS + 12,
        headerPairs: 40,
      },
    }).array('files', MAX_COMBINED_PHOTOS);
    await new Promise<void>((resolve, reject) => {
      upload(req, res, (error: unknown) => (error ? reject(asAppError(error, maxBytes)) : resolve()));
    });
    const uploaded = (req.files ?? []) as Express.Multer.File[];
    const files = await Promise.all(
      uploaded.map(async (f) => ({ path: f.path, originalName: f.originalname, size: (await stat(f.path)).size })),
    );
    const fields = { ...(req.body as Record<string, unknown>) };
    return { dir, files, fields, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Removes upload directories a crash left behind (older than `olderThanMs`). */
export async function sweepUploadTemp(config: Pick<Config, 'DATA_DIR'>, now: Date, olderThanMs: number) {
  const root = uploadsTempRoot(config);
  let removed = 0;
  const entries = await readdir(root).catch(() => [] as string[]);
  for (const name of entries) {
    const path = join(root, name);
    const info = await stat(path).catch(() => null);
    if (info && now.getTime() - info.mtimeMs > olderThanMs) {
      await rm(path, { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}
