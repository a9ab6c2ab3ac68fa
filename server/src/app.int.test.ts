import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/support/test-context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('system routes', () => {
  it('answers liveness at /api/health', async () => {
    const res = await ctx.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers readiness when the database is reachable', async () => {
    const res = await ctx.http().get('/api/ready').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'ok', storage: 'ok' });
  });

  it('answers 503 on readiness when the object store is unreachable', async () => {
    const unreachable = await createTestContext({
      STORAGE_URL: 's3://consigne-test',
      S3_ENDPOINT: 'http://127.0.0.1:9',
    });
    try {
      const res = await unreachable.http().get('/api/ready').expect(503);
      expect(res.body).toMatchObject({ code: 'storage_unavailable' });
    } finally {
      await unreachable.close();
    }
  });

  it('serves a valid OpenAPI 3.1 document with an operationId on every operation', async () => {
    const res = await ctx.http().get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const operations = Object.values(
      res.body.paths as Record<string, Record<string, { operationId?: string }>>,
    ).flatMap((ops) => Object.values(ops));
    expect(operations.length).toBeGreaterThan(2);
    const ids = operations.map((op) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves a browsable API reference at /api/docs/', async () => {
    await ctx.http().get('/api/docs').expect(301).expect('Location', '/api/docs/');
    const res = await ctx.http().get('/api/docs/').expect(200);
    expect(res.text).toContain('swagger-ui-bundle.js');
    await ctx.http().get('/api/docs/swagger-ui-bundle.js').expect(200);
  });
});

describe('security headers (HDR-1)', () => {
  it('sends a CSP forbidding framing, nosniff, and no X-Powered-By', async () => {
    const res = await ctx.http().get('/api/health');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('bad input', () => {
  it('answers unknown API routes with a 404 problem', async () => {
    const res = await ctx.http().get('/api/nope').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'route_not_found' });
    expect(res.body.title).toMatch(/n'existe pas/);
  });

  it('answers malformed JSON with a 400 problem and no stack trace', async () => {
    const res = await ctx.http().post('/api/health').set('Content-Type', 'application/json').send('{"a":').expect(400);
    expect(res.body).toMatchObject({ code: 'malformed_json' });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers an oversized JSON body with 413', async () => {
    const res = await ctx
      .http()
      .post('/api/health')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ a: 'x'.repeat(200_000) }))
      .expect(413);
    expect(res.body).toMatchObject({ code: 'body_too_large' });
  });
});

describe('web apps', () => {
  it('serves placeholder pages at / and /admin when the apps are not built', async () => {
    const home = await ctx.http().get('/').set('Accept', 'text/html').expect(200);
    expect(home.text).toContain('Consigne');
    await ctx.http().get('/admin').expect(301).expect('Location', '/admin/');
    const admin = await ctx.http().get('/admin/').set('Accept', 'text/html').expect(200);
    expect(admin.text).toContain('professionnels');
  });
});

describe('dev outbox', () => {
  it('keeps what would have been sent and lists it at /api/dev/outbox, newest first', async () => {
    await ctx.deps.mailer.send({ to: 'agent@ccas.example', subject: 'Premier', text: 'un', html: '<p>un</p>' });
    await ctx.deps.sms.send({ to: '+33612345678', body: 'Consigne : votre code est 123456.' });
    const all = await ctx.http().get('/api/dev/outbox').expect(200);
    expect(all.body.messages.map((m: { channel: string }) => m.channel)).toEqual(['sms', 'email']);
    const mails = await ctx.http().get('/api/dev/outbox?channel=email&to=agent@ccas.example').expect(200);
    expect(mails.body.messages).toHaveLength(1);
    expect(mails.body.messages[0]).toMatchObject({ subject: 'Premier', to: 'agent@ccas.example' });
  });

  it('refuses unknown query parameters with a 400 naming them', async () => {
    const res = await ctx.http().get('/api/dev/outbox?foo=1').expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors[0].path).toBe('query');
  });
});

describe('built web apps', () => {
  it('serves hashed assets compressed and cached for a year, and falls back to index.html for app routes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'consigne-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Consigne</title><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'index-AbCdEf12.js'), `console.log(${JSON.stringify('x'.repeat(20_000))});`);
    const web = await createTestContext({}, { webRoots: { beneficiary: root } });
    try {
      const asset = await web.http().get('/assets/index-AbCdEf12.js').set('Accept-Encoding', 'gzip').expect(200);
      expect(asset.headers['content-encoding']).toBe('gzip');
      expect(asset.headers['cache-control']).toContain('immutable');
      const route = await web.http().get('/mes-papiers').set('Accept', 'text/html').expect(200);
      expect(route.text).toContain('<div id="root">');
      expect(route.headers['cache-control']).toBe('no-cache');
      const api = await web.http().get('/api/openapi.json').set('Accept-Encoding', 'gzip').expect(200);
      expect(api.headers['content-encoding']).toBeUndefined();
    } finally {
      await web.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
