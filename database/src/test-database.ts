import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A throwaway database for one test file, on the engine the vitest project names (`TEST_DB`):
 * a fresh SQLite file, or a fresh MariaDB database that is dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if ((process.env.TEST_DB ?? 'sqlite') === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'consigne-db-'));
    return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = new URL(process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306');
  const name = `consigne_test_${randomBytes(6).toString('hex')}`;
  const admin = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(server.href);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}
