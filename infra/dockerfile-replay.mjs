#!/usr/bin/env node
// No Docker engine runs on our CI machines, so this replays the Dockerfile's own instructions on
// the host: each stage gets a directory as its root filesystem, COPY/WORKDIR/ENV/RUN are carried
// out there (system packages from apt-get are assumed present), then the image's CMD starts in the
// final stage with production settings and its HEALTHCHECK command must succeed.
//   node infra/dockerfile-replay.mjs            (takes a few minutes: a full npm ci and build)
import { execSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'consigne-image-'));
// The build context is what is committed (HEAD), as a clone would have it.
const context = join(work, 'context');
mkdirSync(context);
execSync(`git -C ${JSON.stringify(repo)} archive HEAD | tar -x -C ${JSON.stringify(context)}`);
const lines = readFileSync(join(context, 'Dockerfile'), 'utf8')
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

const stages = new Map();
let stage;
const inRoot = (root, path) => join(root, path);
const ignored = (path) => ['node_modules', 'dist', 'data', 'test-results', '.git'].includes(basename(path));

for (const line of lines) {
  const [instruction, ...rest] = line.split(/\s+/);
  const args = rest.join(' ');
  switch (instruction.toUpperCase()) {
    case 'FROM': {
      const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? `stage${stages.size}`;
      stage = { name, root: join(work, name), cwd: '/', env: {}, cmd: null, healthcheck: null };
      mkdirSync(stage.root, { recursive: true });
      stages.set(name, stage);
      console.log(`\n== stage ${name} (${args.split(/\s+/)[0]})`);
      break;
    }
    case 'WORKDIR':
      stage.cwd = args;
      mkdirSync(inRoot(stage.root, args), { recursive: true });
      break;
    case 'ENV':
      for (const [, k, v] of args.matchAll(/(\w+)=(\S+)/g)) stage.env[k] = v;
      break;
    case 'COPY': {
      const parts = rest.filter((p) => !p.startsWith('--chown'));
      const from = parts[0]?.startsWith('--from=') ? stages.get(parts.shift().slice(7)) : null;
      const dest = parts.pop();
      const target = dest.startsWith('/') ? inRoot(stage.root, dest) : inRoot(stage.root, join(stage.cwd, dest));
      // Docker semantics: a directory's contents go into the destination; a file goes into it
      // when the destination ends with a slash, else becomes it.
      for (const src of parts) {
        const source = from ? inRoot(from.root, src) : join(context, src);
        const destination =
          statSync(source).isDirectory() || !dest.endsWith('/') ? target : join(target, basename(source));
        cpSync(source, destination, { recursive: true, filter: from ? undefined : (p) => !ignored(p) });
      }
      break;
    }
    case 'RUN': {
      if (/^apt-get\b/.test(args)) {
        console.log(`(skipped, system packages are on the host) ${args.slice(0, 80)}…`);
        break;
      }
      // Absolute paths of the image live under the stage's root here.
      const command = args.replace(/(^|\s)\/(app|data)\b/g, `$1${stage.root}/$2`).replace(/\bchown\s+\S+\s+/g, 'true ');
      console.log(`$ ${args}`);
      // An image build starts from a clean environment: only what the Dockerfile sets with ENV.
      const { NODE_ENV: _ignored, ...host } = process.env;
      execSync(command, { cwd: inRoot(stage.root, stage.cwd), stdio: 'inherit', env: { ...host, ...stage.env } });
      break;
    }
    case 'CMD':
      stage.cmd = JSON.parse(args);
      break;
    case 'HEALTHCHECK':
      stage.healthcheck = args.replace(/^.*?\bCMD\s+/, '');
      break;
    default:
      console.log(`(not replayed) ${instruction}`);
  }
}

const runtime = stage;
const dataDir = inRoot(runtime.root, 'data');
mkdirSync(dataDir, { recursive: true });
const port = 3000 + Math.floor(Math.random() * 1000) + 30000;
const env = {
  PATH: process.env.PATH,
  ...runtime.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  PUBLIC_URL: 'https://consigne.example.fr',
  MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  SECRET_KEY: randomBytes(48).toString('base64'),
  SMTP_URL: 'smtp://127.0.0.1:2525',
  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_FROM: '+33700000000',
  LOG_LEVEL: 'warn',
};
console.log(`\n== CMD ${runtime.cmd.join(' ')} (production settings, port ${port})`);
const server = spawn(runtime.cmd[0], runtime.cmd.slice(1), {
  cwd: inRoot(runtime.root, runtime.cwd),
  env,
  stdio: 'inherit',
});
let healthy = false;
for (let i = 0; i < 40 && !healthy; i++) {
  await new Promise((r) => setTimeout(r, 500));
  try {
    execSync(runtime.healthcheck, { env, stdio: 'ignore' });
    healthy = true;
  } catch {
    /* not up yet */
  }
}
server.kill('SIGTERM');
if (existsSync(work)) rmSync(work, { recursive: true, force: true });
console.log(healthy ? '\nHEALTHCHECK passed: the image commands build and serve.' : '\nHEALTHCHECK failed.');
process.exit(healthy ? 0 : 1);
