import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export interface TempDir {
  path: string;
  /** Writes content under the given name, as the upload route would have, and returns its path. */
  write(name: string, content: Buffer | string): Promise<string>;
  list(): Promise<string[]>;
}

/** A fresh directory per test, removed afterwards. */
export function useTempDir(): TempDir {
  const dir: TempDir = {
    path: '',
    async write(name, content) {
      const path = join(dir.path, name);
      await writeFile(path, content);
      return path;
    },
    list: () => readdir(dir.path),
  };
  beforeEach(async () => {
    dir.path = await mkdtemp(join(tmpdir(), 'consigne-media-'));
  });
  afterEach(async () => {
    await rm(dir.path, { recursive: true, force: true });
  });
  return dir;
}
