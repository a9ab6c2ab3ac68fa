import { randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A file this module wrote; the caller owns it and removes it once stored. */
export interface OutputFile {
  path: string;
  bytes: number;
}

/** Server-generated names only (UP-5): nothing from the user reaches the file system. */
export const newTempPath = (tmpDir: string, extension: string): string => join(tmpDir, `${randomUUID()}.${extension}`);

export async function describeOutput(path: string): Promise<OutputFile> {
  return { path, bytes: (await stat(path)).size };
}

/** Best effort: a failed clean-up must not hide the error that caused it. */
export async function removeQuietly(paths: Iterable<string>): Promise<void> {
  await Promise.all([...paths].map((path) => rm(path, { force: true }).catch(() => undefined)));
}
