import { randomBytes } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type supertest from 'supertest';
import { startTestS3Server, type TestS3Server } from '../../storage/test-support/s3rver.js';
import { onePageBodies, writePdf } from '../media/test-support/pdf-writer.js';
import type { TestContext } from '../../../test/support/test-context.js';
import { uploadsTempRoot } from '../upload-intake.js';
import { createSession } from '../../auth/session.service.js';
import { sessionCookieName } from '../../auth/session-cookie.js';

/** The two storage drivers every vault suite runs on: local disk and a real S3 API on loopback. */
export interface StorageLeg {
  name: 'disk' | 's3';
  start(): Promise<{ env: Record<string, string>; close(): Promise<void> }>;
}

export const storageLegs: StorageLeg[] = [
  { name: 'disk', start: async () => ({ env: {}, close: async () => undefined }) },
  {
    name: 's3',
    start: async () => {
      const s3: TestS3Server = await startTestS3Server();
      return {
        env: {
          STORAGE_URL: `s3://${s3.bucket}/vault`,
          S3_ENDPOINT: s3.connection.endpoint!,
          S3_REGION: s3.connection.region,
          S3_FORCE_PATH_STYLE: 'true',
          S3_ACCESS_KEY_ID: s3.connection.accessKeyId!,
          S3_SECRET_ACCESS_KEY: s3.connection.secretAccessKey!,
        },
        close: () => s3.close(),
      };
    },
  },
];

/**
 * A valid one-page PDF of about `bytes` bytes: the page's content stream is hex text (no `/`, so
 * no PDF name can appear in it by chance), making multi-segment documents cheap to build.
 */
export function largePdf(bytes: number): Buffer {
  const hex = randomBytes(Math.ceil(bytes / 2)).toString('hex');
  return writePdf([...onePageBodies('', '/Contents 4 0 R '), `<< /Length ${hex.length} >>\nstream\n${hex}\nendstream`]);
}

export interface UploadOptions {
  name?: string;
  fields?: Record<string, string>;
  files?: { content: Buffer; name: string }[];
}

/** POSTs a multipart upload the way the apps do. */
export function upload(agent: supertest.Agent, path: string, content: Buffer | null, options: UploadOptions = {}) {
  let request = agent.post(`/api${path}`);
  for (const [key, value] of Object.entries(options.fields ?? {})) request = request.field(key, value);
  if (content) request = request.attach('files', content, options.name ?? 'document.pdf');
  for (const file of options.files ?? []) request = request.attach('files', file.content, file.name);
  return request;
}

/** Downloads as a Buffer whatever the content type. */
export function download(agent: supertest.Agent, path: string, headers: Record<string, string> = {}) {
  let request = agent.get(`/api${path}`);
  for (const [key, value] of Object.entries(headers)) request = request.set(key, value);
  return request.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
    res.on('error', (error) => callback(error, Buffer.concat(chunks)));
  });
}

/** Every object key in the context's store under `documents/`. */
export async function storedKeys(ctx: TestContext): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of ctx.deps.storage.list('documents/')) keys.push(object.key);
  return keys.sort();
}

/** Files left in the upload temp area (should always be none between requests). */
export async function tempFiles(ctx: TestContext): Promise<string[]> {
  const root = uploadsTempRoot(ctx.deps.config);
  const entries = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  return entries.map((e) => join(root, e));
}

/** Shannon entropy in bits per byte. */
export function entropy(data: Buffer): number {
  const counts = new Array<number>(256).fill(0);
  for (const byte of data) counts[byte]! += 1;
  let bits = 0;
  for (const count of counts) {
    if (count === 0) continue;
    const p = count / data.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** The app on a real loopback port, for requests supertest cannot make (aborted bodies, cut responses). */
export async function listen(ctx: TestContext): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer(ctx.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A `Cookie` header value holding a fresh beneficiary session. */
export async function beneficiaryCookie(ctx: TestContext, beneficiaryId: string): Promise<string> {
  const { token } = await createSession(
    ctx.deps.db.manager,
    ctx.clock,
    { subjectKind: 'beneficiary', beneficiaryId, trustedDevice: false },
    'test',
  );
  return `${sessionCookieName(ctx.deps.config)}=${token}`;
}

/** GET over a raw socket: resolves with what arrived, even when the server cuts the response. */
export function rawGet(
  port: number,
  path: string,
  cookie: string,
): Promise<{ status: number; body: Buffer; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: `/api${path}`, headers: { Cookie: cookie } }, (res) => {
      const chunks: Buffer[] = [];
      let complete = false;
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => (complete = true));
      res.on('error', () => undefined);
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), complete }));
    });
    req.on('error', reject);
    req.end();
  });
}
