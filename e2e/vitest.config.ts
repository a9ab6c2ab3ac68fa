/**
 * Browser tests on their own: `npx vitest run --config e2e/vitest.config.ts` after `npm run build`.
 * One file at a time: each spawns the real server and a Chromium, and the machine has 2 cores.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['backoffice/e2e/**/*.e2e.test.ts', 'beneficiary-web/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
