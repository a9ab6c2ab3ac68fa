import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import { createApp, type AppOptions } from '../../src/app.js';
import { closeDeps, createDeps } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/deps.js';
import { ManualClock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';
import { createTestDatabase } from '@consigne/database/test-database';

export const TEST_ORIGIN = 'http://consigne.test';

export interface TestContext {
  deps: Deps;
  clock: ManualClock;
  app: ReturnType<typeof createApp>;
  /** A supertest client bound to the app, sending the same `Origin` a browser on our site would. */
  http: () => supertest.Agent;
  close(): Promise<void>;
}

/**
 * The real application on a throwaway database that went through every migration, with a clock
 * the test moves by hand. One per test file (`beforeAll`), closed in `afterAll`.
 */
export async function createTestContext(
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'consigne-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    PUBLIC_URL: TEST_ORIGIN,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const clock = new ManualClock();
  const deps = await createDeps(config, { clock, logger: createLogger(config.LOG_LEVEL) });
  await deps.db.runMigrations({ transaction: 'each' });
  const app = createApp(deps, options);
  return {
    deps,
    clock,
    app,
    http: () => supertest.agent(app).set('Origin', TEST_ORIGIN),
    close: async () => {
      await closeDeps(deps);
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
