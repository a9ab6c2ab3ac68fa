import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

let database: TestDatabase;
let db: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ url: database.url });
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

describe(`data source on ${process.env.TEST_DB}`, () => {
  it('runs thirty concurrent transactions that all commit, and a failing one that rolls back alone', async () => {
    const insert = (name: string) =>
      db.transaction(async (em) => {
        await em.query('SELECT 1');
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        await em.query('INSERT INTO structures (id, name, kind, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)', [
          randomUUID(),
          name,
          'ccas',
          '2026-01-01 00:00:00.000',
          '2026-01-01 00:00:00.000',
        ]);
        if (name === 'fails') throw new Error('rolled back');
      });
    const results = await Promise.allSettled([
      ...Array.from({ length: 30 }, (_, i) => insert(`s${i}`)),
      insert('fails'),
    ]);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual(['Error: rolled back']);
    const [{ n }] = await db.query<[{ n: number }]>("SELECT COUNT(*) AS n FROM structures WHERE name LIKE 's%'");
    expect(Number(n)).toBe(30);
    expect(await db.query("SELECT id FROM structures WHERE name = 'fails'")).toEqual([]);
  });
});
