#!/usr/bin/env node
// `npm test`: the whole check, as CI runs it — lint, typecheck, build, the API suites on SQLite and
// MariaDB, then the browser suites in Chromium (their own vitest config: one file at a time). Ends with one line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const report = 'test-results';
mkdirSync(report, { recursive: true });

function step(name, command, args, { env } = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`${status === 0 ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return status === 0;
}

/** A step that is not a test suite counts as one check. */
function check(name, command, args) {
  results[step(name, command, args) ? 'passed' : 'failed'] += 1;
}

/** A vitest run counts its tests; a run that crashes before reporting counts as one failure. */
function suites(name, args) {
  const output = `${report}/${name}.json`;
  const ok = step(name, 'npx', [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
  if (!existsSync(output)) return void (results.failed += 1);
  const json = JSON.parse(readFileSync(output, 'utf8'));
  results.passed += json.numPassedTests;
  results.failed += json.numFailedTests + (ok || json.numFailedTests > 0 ? 0 : 1);
}

const hasE2e = ['backoffice/e2e', 'beneficiary-web/e2e'].some(
  (dir) => existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.e2e.test.ts')),
);

check('lint', 'npm', ['run', 'lint', '--silent']);
check('typecheck', 'npm', ['run', 'typecheck', '--silent']);
check('build', 'npm', ['run', 'build', '--silent']);
suites('api', []);
if (hasE2e) {
  check('chromium', 'bash', ['scripts/ensure-chromium.sh']);
  suites('browser', ['--config', 'e2e/vitest.config.ts']);
}

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
