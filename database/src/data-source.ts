import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import { migrations } from '../migrations/index.js';

export type Dialect = 'sqlite' | 'mysql';

export interface DataSourceInput {
  /** `sqlite:<file>` (embedded default) or `mysql://user:password@host:port/database`. */
  url: string;
  entities?: MixedList<EntitySchema | (new () => unknown)>;
}

export function dialectOf(url: string): Dialect {
  return url.startsWith('sqlite:') ? 'sqlite' : 'mysql';
}

/**
 * One DataSource for both databases, chosen by URL. Schema changes only ever come from the
 * migrations (no `synchronize`), and the same migration set runs on SQLite and MySQL/MariaDB.
 */
export function createDataSource({ url, entities = [] }: DataSourceInput): DataSource {
  const common = {
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
  } as const;
  let options: DataSourceOptions;
  if (dialectOf(url) === 'sqlite') {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    options = {
      ...common,
      type: 'better-sqlite3',
      database: file,
      enableWAL: true,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  } else {
    options = {
      ...common,
      type: 'mysql',
      url: url.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      extra: { connectionLimit: 10 },
    };
  }
  const dataSource = new DataSource(options);
  if (options.type === 'better-sqlite3') serialiseTransactions(dataSource);
  return dataSource;
}

/**
 * better-sqlite3 gives TypeORM one connection, so two transactions running at once interleave
 * their BEGIN/COMMIT on it and fail ("cannot start a transaction within a transaction"). SQLite
 * has a single writer anyway: transactions wait for each other here instead.
 */
function serialiseTransactions(dataSource: DataSource): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = (...args: unknown[]) => {
    const run = tail.then(() => transaction(...args));
    tail = run.catch(() => undefined);
    return run;
  };
}
