import { afterEach, describe, expect, it } from 'vitest';
import { antivirusFromEnv, clamdAntivirus } from './antivirus.js';
import { startFakeClamd, unusedPort, type FakeClamd } from './test-support/fake-clamd.js';
import { eicar, simplePdf } from './test-support/hostile-files.js';
import { useTempDir } from './test-support/temp-dir.js';

const dir = useTempDir();
let clamd: FakeClamd | undefined;
afterEach(async () => {
  await clamd?.close();
  clamd = undefined;
});

describe('clamd antivirus', () => {
  it('lets a clean file through, after streaming all of it in INSTREAM chunks', async () => {
    clamd = await startFakeClamd();
    const content = Buffer.concat([simplePdf(), Buffer.alloc(300_000, 0x41)]); // several 64 KiB chunks
    const path = await dir.write('clean.pdf', content);

    await expect(antivirusFromEnv({ CLAMAV_URL: clamd.url })!.scanFile(path)).resolves.toBeUndefined();
    expect(clamd.received).toHaveLength(1);
    expect(clamd.received[0]!.equals(content)).toBe(true);
  });

  it('refuses the EICAR test file with 422 virus_found', async () => {
    clamd = await startFakeClamd();
    const path = await dir.write('eicar.com', eicar());
    const scan = clamdAntivirus({ host: clamd.host, port: clamd.port }).scanFile(path);
    await expect(scan).rejects.toMatchObject({ status: 422, code: 'virus_found' });
  });

  it('fails closed with 503 antivirus_unavailable when clamd is down', async () => {
    const path = await dir.write('clean.pdf', simplePdf());
    const scan = clamdAntivirus({ host: '127.0.0.1', port: await unusedPort() }).scanFile(path);
    await expect(scan).rejects.toMatchObject({ status: 503, code: 'antivirus_unavailable' });
  });

  it('fails closed when clamd accepts the connection but never answers', async () => {
    clamd = await startFakeClamd({ silent: true });
    const path = await dir.write('clean.pdf', simplePdf());
    const started = performance.now();
    const scan = clamdAntivirus({ host: clamd.host, port: clamd.port, timeoutMs: 200 }).scanFile(path);
    await expect(scan).rejects.toMatchObject({ status: 503, code: 'antivirus_unavailable' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('is off when CLAMAV_URL is not set, and a malformed URL stops start-up', () => {
    expect(antivirusFromEnv({})).toBeUndefined();
    expect(() => antivirusFromEnv({ CLAMAV_URL: 'http://clamav:3310' })).toThrow(/tcp:\/\/host:3310/);
  });
});
