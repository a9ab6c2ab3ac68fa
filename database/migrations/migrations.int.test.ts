import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/data-source.js';
import { createTestDatabase, type TestDatabase } from '../src/test-database.js';
import { migrations } from './index.js';

let database: TestDatabase;
let db: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ url: database.url });
  await db.initialize();
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

async function tables(): Promise<string[]> {
  const rows: { name: string }[] =
    db.options.type === 'better-sqlite3'
      ? await db.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      : await db.query('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()');
  return rows
    .map((r) => r.name)
    .filter((n) => n !== 'migrations')
    .sort();
}

describe(`migrations on ${process.env.TEST_DB}`, () => {
  it('apply all the way up, all the way down, and up again to the same schema', async () => {
    const applied = await db.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(migrations.length);
    const schemaUp = await tables();
    expect(schemaUp.length).toBeGreaterThan(0);

    for (let i = 0; i < migrations.length; i++) await db.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    expect(await db.showMigrations()).toBe(true);

    await db.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(schemaUp);
    expect(await db.showMigrations()).toBe(false);
  });
});
