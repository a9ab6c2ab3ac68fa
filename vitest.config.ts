import { createConnection } from 'node:net';
import { defineConfig } from 'vitest/config';

const mariadbUrl = new URL(process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306');

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1500 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

const withMariadb = await reachable(mariadbUrl.hostname, Number(mariadbUrl.port || 3306));
if (!withMariadb) {
  const message = `MariaDB is not reachable at ${mariadbUrl.host}: the MariaDB leg cannot run.`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n⚠ ${message} Only the SQLite leg runs (CI=true makes this a failure).\n`);
}

/** Integration suites (`*.int.test.ts`) run once per database; unit suites run once. */
const integration = ['server/src/**/*.int.test.ts', 'database/**/*.int.test.ts'];

const databaseLeg = (name: 'sqlite' | 'mariadb') => ({
  extends: true as const,
  test: {
    name,
    include: integration,
    env: { TEST_DB: name, TEST_MARIADB_URL: mariadbUrl.href },
  },
});

export default defineConfig({
  // `source` makes workspace packages resolve to their TypeScript sources (see their `exports`).
  ssr: { resolve: { conditions: ['source', 'node', 'development|production'] } },
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'database/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: integration,
        },
      },
      databaseLeg('sqlite'),
      ...(withMariadb ? [databaseLeg('mariadb')] : []),
    ],
  },
});
