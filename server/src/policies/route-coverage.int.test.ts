import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/support/test-context.js';
import { policyOf } from '../http/route.js';
import { routeRules } from './policies.js';

interface Layer {
  route?: { path: string; stack: { method?: string; handle: object }[] };
  handle: { stack?: Layer[] };
}

/** Every route mounted anywhere in the app, with the policy its handler declares. */
function walk(stack: Layer[], found: { route: string; policies: unknown[] }[] = []) {
  for (const layer of stack) {
    if (layer.route) {
      const policies = layer.route.stack.map((l) => (l.handle as Record<symbol, unknown>)[policyOf]);
      found.push({ route: `${layer.route.stack[0]?.method?.toUpperCase()} ${layer.route.path}`, policies });
    } else if (layer.handle.stack) {
      walk(layer.handle.stack, found);
    }
  }
  return found;
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('route coverage (AUTHZ-1)', () => {
  it('finds that every mounted route declares a known policy', () => {
    const routes = walk((ctx.app as unknown as { router: { stack: Layer[] } }).router.stack);
    expect(routes.length).toBeGreaterThan(2);
    const missing = routes.filter((r) => r.policies.some((p) => typeof p !== 'string' || !(p in routeRules)));
    expect(missing).toEqual([]);
  });

  it('would notice a route added without a policy', () => {
    const probe = ctx.app;
    probe.get('/api/__unguarded', (_req, res) => void res.send('x'));
    const routes = walk((probe as unknown as { router: { stack: Layer[] } }).router.stack);
    expect(routes.filter((r) => r.policies.some((p) => p === undefined)).map((r) => r.route)).toEqual([
      'GET /api/__unguarded',
    ]);
  });
});
