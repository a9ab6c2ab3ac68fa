import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// These start the built server as `npm start` does (the test command builds it first).
const main = resolve(import.meta.dirname, '../dist/main.js');

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', LOG_LEVEL: 'silent', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('starting the server', () => {
  it('exits non-zero with one line naming DATABASE_URL when it is nonsense', async () => {
    const server = start({ DATABASE_URL: 'nonsense' });
    expect(await server.exited).toBe(1);
    const lines = server.output().stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid DATABASE_URL: expected sqlite:/);
  });

  it('refuses production with the dev outbox and default secrets', async () => {
    const server = start({ NODE_ENV: 'production', PUBLIC_URL: 'https://consigne.example.fr' });
    expect(await server.exited).toBe(1);
    expect(server.output().stderr).toMatch(/^Invalid SMTP_URL: .*production/);
  });

  it('starts in the embedded default, migrates, seeds the demo once and serves the API and both apps', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'consigne-start-'));
    try {
      for (const run of ['first', 'second']) {
        const server = start({ DATA_DIR: dataDir, HOST: '127.0.0.1' });
        const base = await new Promise<string>((found, fail) => {
          const timer = setTimeout(() => fail(new Error(`no start line: ${JSON.stringify(server.output())}`)), 15_000);
          server.child.stdout.on('data', () => {
            const match = /Consigne est prête : (http:\/\/\S+?)\/\n/.exec(server.output().stdout);
            if (!match) return;
            clearTimeout(timer);
            found(match[1]!);
          });
        });
        expect(server.output().stdout).toContain('structure « CCAS de Démo »');
        expect(server.output().stdout).toContain('referente@ccas-demo.example / demo-consigne-2026');
        if (run === 'first') expect(server.output().stdout).toContain('créée à ce démarrage');
        else expect(server.output().stdout).not.toContain('créée');
        const health = await fetch(`${base}/api/health`);
        expect(health.status).toBe(200);
        expect((await fetch(`${base}/`, { headers: { Accept: 'text/html' } })).status).toBe(200);
        expect((await fetch(`${base}/admin/`, { headers: { Accept: 'text/html' } })).status).toBe(200);
        expect((await fetch(`${base}/api/openapi.json`)).status).toBe(200);
        server.child.kill('SIGTERM');
        await server.exited;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
