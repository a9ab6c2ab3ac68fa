#!/usr/bin/env node
// `npm start`: build what is needed, then run the server (API + both web apps on one port).
// The embedded default (SQLite, disk storage, dev outbox, demo data) needs no configuration.
import { spawnSync, spawn } from 'node:child_process';

const run = (args) => {
  const result = spawnSync('npm', args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (process.env.SKIP_BUILD !== 'true') run(['run', 'build', '--silent']);
const server = spawn(process.execPath, ['server/dist/main.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 1));
