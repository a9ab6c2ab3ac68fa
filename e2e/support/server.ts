/**
 * Runs the real Consigne server for browser tests: `node server/dist/main.js` (built by
 * `npm run build`) on a free port, with a fresh temporary DATA_DIR and SQLite database, serving
 * the beneficiary app at `/`, the back-office at `/admin/` and the API at `/api`.
 *
 *   const server = await startServer();   // waits for GET /api/health → 200
 *   …
 *   await server.stop();                  // in afterAll: runs whether the tests passed or not
 *
 * `CONSIGNE_SERVER_ENTRY` points at another entry script (to try the harness on a stand-in).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './browser.js';

export interface StartServerOptions {
  /** Loads the demo structures and accounts (`SEED_DEMO=true`). */
  seedDemo?: boolean;
  /** Extra environment variables, applied last. */
  env?: Record<string, string>;
  /** How long to wait for `/api/health`; default 30 s. */
  startTimeoutMs?: number;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Everything the server printed so far (stdout and stderr interleaved), for failure messages. */
  output: () => string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its DATA_DIR. Idempotent. */
  stop: () => Promise<void>;
  /** The environment the server was started with (on top of this process's), for the CLI. */
  env: Record<string, string>;
  /** Runs `node server/dist/cli/main.js <args>` on the same database and settings as the server. */
  cli: (args: string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>;
}

const requiredBuilds = ['server/dist/main.js', 'beneficiary-web/dist/index.html', 'backoffice/dist/index.html'];

/** Servers still running, killed if the test process exits without calling stop(). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const entry = process.env.CONSIGNE_SERVER_ENTRY
    ? resolve(process.env.CONSIGNE_SERVER_ENTRY)
    : join(repoRoot, 'server', 'dist', 'main.js');
  if (!process.env.CONSIGNE_SERVER_ENTRY) {
    const missing = requiredBuilds.filter((file) => !existsSync(join(repoRoot, file)));
    if (missing.length > 0) {
      throw new Error(`Not built: ${missing.join(', ')}. Run \`npm run build\` at the repository root first.`);
    }
  }

  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'consigne-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;

  const env: Record<string, string> = {
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${join(dataDir, 'consigne.db')}`,
    SEED_DEMO: options.seedDemo ? 'true' : 'false',
    NODE_ENV: 'development',
    // Links in mails and the Origin check (SESS-7) name the address the browser really uses.
    PUBLIC_URL: baseUrl,
    ...options.env,
  };
  const child = spawn(process.execPath, [entry], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);

  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000); // keep the tail
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = await Promise.race([exited(child).then(() => true), sleep(5_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exited(child);
      }
    }
    running.delete(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
      }
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(1_000) });
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('GET /api/health did not answer 200 in time');
      await sleep(100);
    }
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Could not start ${entry} on port ${port}: ${reason}\n--- server output ---\n${output.slice(-8_000)}`,
    );
  }

  const cli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolveCli, reject) => {
      const run = spawn(process.execPath, [join(repoRoot, 'server', 'dist', 'cli', 'main.js'), ...args], {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      run.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      run.once('error', reject);
      run.once('exit', (code) => resolveCli({ code, stdout, stderr }));
    });

  return { baseUrl, port, dataDir, output: () => output, stop, env, cli };
}
