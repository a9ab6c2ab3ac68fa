import { randomUUID } from 'node:crypto';
import { constants, createWriteStream, type WriteStream } from 'node:fs';
import { access, mkdir, open, opendir, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertValidBlobKey,
  assertValidBlobPrefix,
  assertValidRange,
  BlobNotFoundError,
  InvalidBlobRangeError,
  storageUnavailable,
  type BlobInfo,
  type BlobStore,
  type ByteRange,
} from './blob-store.js';

// Keys never have a segment starting with a dot, so this name cannot collide with an object.
const TEMP_DIR = '.incoming';
const RENAME_ATTEMPTS = 3;

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

async function ignoring<T>(codes: string[], work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (codes.includes(errorCode(error) ?? '')) return undefined;
    throw error;
  }
}

/** Makes a rename or unlink in `directory` survive a power loss. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Objects are files under `root`, one per key; writes go to a temp file, fsync, then rename. */
export class DiskBlobStore implements BlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, body: Readable): Promise<{ size: number }> {
    const temp = join(this.root, TEMP_DIR, randomUUID());
    let file: WriteStream | undefined;
    try {
      const target = this.#path(key);
      await mkdir(dirname(temp), { recursive: true, mode: 0o700 });
      // `flush` fsyncs the file before it is closed, so the rename below never exposes a file
      // whose bytes are not on disk yet.
      file = createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true });
      await pipeline(body, file);
      await this.#renameIntoPlace(temp, target);
      return { size: file.bytesWritten };
    } catch (error) {
      body.destroy();
      // A stream destroyed while still opening creates its file afterwards: wait for it to close.
      if (file && !file.closed) await new Promise<void>((closed) => file!.once('close', () => closed()));
      await ignoring(['ENOENT'], unlink(temp));
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.#path(key);
    if (range) assertValidRange(range);
    const handle = await ignoring(['ENOENT', 'ENOTDIR'], open(path, 'r'));
    if (!handle) throw new BlobNotFoundError(key);
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new BlobNotFoundError(key);
      if (range && range.start >= info.size) {
        throw new InvalidBlobRangeError(`Range starts at ${range.start}, past the ${info.size}-byte object`);
      }
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    const info = await ignoring(['ENOENT', 'ENOTDIR'], stat(this.#path(key)));
    return info?.isFile() ? { size: info.size } : null;
  }

  async delete(key: string): Promise<void> {
    const path = this.#path(key);
    await ignoring(['ENOENT', 'ENOTDIR'], unlink(path));
    await syncDirectory(dirname(path)).catch(() => undefined);
    // Empty `documents/<uuid>/` directories would keep a deleted document's id on disk (ENC-5).
    for (let dir = dirname(path); dir !== this.root; dir = dirname(dir)) {
      const removed = await ignoring(
        ['ENOTEMPTY', 'EEXIST', 'ENOENT'],
        rmdir(dir).then(() => true),
      );
      if (!removed) break;
    }
  }

  async *list(prefix = ''): AsyncIterable<BlobInfo> {
    assertValidBlobPrefix(prefix);
    const start = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    yield* this.#walk(start, prefix);
  }

  async ping(): Promise<void> {
    try {
      await mkdir(this.root, { recursive: true, mode: 0o700 });
      await access(this.root, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw storageUnavailable(error);
    }
  }

  async *#walk(directoryKey: string, prefix: string): AsyncIterable<BlobInfo> {
    const dir = await ignoring(['ENOENT', 'ENOTDIR'], opendir(join(this.root, directoryKey)));
    if (!dir) return;
    for await (const entry of dir) {
      if (entry.name.startsWith('.')) continue;
      const key = directoryKey + entry.name;
      if (entry.isDirectory()) {
        if (prefix.startsWith(`${key}/`) || `${key}/`.startsWith(prefix)) yield* this.#walk(`${key}/`, prefix);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        // Deleted between readdir and stat: it is simply no longer listed.
        const info = await ignoring(['ENOENT'], stat(join(this.root, key)));
        if (info) yield { key, size: info.size };
      }
    }
  }

  async #renameIntoPlace(temp: string, target: string): Promise<void> {
    // A concurrent delete may prune the freshly made parent directory: make it again and retry.
    for (let attempt = 1; ; attempt++) {
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      try {
        await rename(temp, target);
        await syncDirectory(dirname(target));
        return;
      } catch (error) {
        if (errorCode(error) !== 'ENOENT' || attempt === RENAME_ATTEMPTS) throw error;
      }
    }
  }

  #path(key: string): string {
    assertValidBlobKey(key);
    const path = join(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new Error(`Blob key escaped the store root: ${key}`);
    return path;
  }
}
