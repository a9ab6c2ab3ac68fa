import { randomInt } from 'node:crypto';
import supertest from 'supertest';
import { afterAll, beforeAll, expect } from 'vitest';
import { settleBackground } from '../../auth/background.js';
import { StaffMemberEntity, type StaffMember } from '../../staff/staff.entity.js';
import { currentTotp, encryptTotpSecret, generateTotpSecret } from '../../staff/totp.js';
import type { Structure } from '../../structures/structure.entity.js';
import { startFakeTwilio, type FakeTwilio } from '../../../test/support/fake-twilio.js';
import { makeStaff, signIn } from '../../../test/support/factories.js';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../../../test/support/test-context.js';

/** Environment for `createTestContext` so that SMS go through the real twilio SDK to the loopback fake. */
export const twilioEnv = (fake: FakeTwilio): Record<string, string> => ({
  TWILIO_ACCOUNT_SID: fake.accountSid,
  TWILIO_AUTH_TOKEN: fake.authToken,
  TWILIO_FROM: '+33700000000',
  TWILIO_API_BASE_URL: fake.url,
});

/**
 * One test context per file whose SMS go through the real twilio SDK to a loopback fake; the
 * returned holder is filled in `beforeAll` and everything is closed in `afterAll`.
 */
export function twilioTestContext(): { ctx: TestContext; fake: FakeTwilio } {
  const holder = {} as { ctx: TestContext; fake: FakeTwilio };
  beforeAll(async () => {
    holder.fake = await startFakeTwilio();
    holder.ctx = await createTestContext(twilioEnv(holder.fake));
  });
  afterAll(async () => {
    await settleBackground();
    await holder.ctx.close();
    await holder.fake.close();
  });
  return holder;
}

/** A fresh client address per call, so that the per-IP limit (OTP-7) only bites where a test wants it. */
export const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

let phoneCounter = 0;
/** A unique valid French mobile number (E.164) per call. */
export const freshPhone = () =>
  `+3378${String(process.pid % 100).padStart(2, '0')}${String(++phoneCounter).padStart(5, '0')}`;

/** A referent of `structure` with TOTP enrolled, and their signed-in client acting for it. */
export async function makeReferent(
  ctx: TestContext,
  structure: Structure,
  role: 'referent' | 'admin' = 'referent',
): Promise<{ staff: StaffMember; totpSecret: string; agent: supertest.Agent; totp: () => string }> {
  const staff = await makeStaff(ctx, { structure, role });
  const totpSecret = generateTotpSecret();
  await ctx.deps.db
    .getRepository(StaffMemberEntity)
    .update({ id: staff.id }, { totpSecret: encryptTotpSecret(ctx.deps.config.SECRET_KEY, totpSecret) });
  const agent = await signIn(ctx, { staff, structure });
  return { staff, totpSecret, agent, totp: () => currentTotp(totpSecret, ctx.clock.now()) };
}

/** A client for the beneficiary app (no session yet), coming from `ip`. */
export const anonymousClient = (ctx: TestContext, ip = someIp()) =>
  supertest.agent(ctx.app).set('Origin', TEST_ORIGIN).set('X-Forwarded-For', ip);

/**
 * Keeps the session cookie a response set. The cookie jar of supertest uses the real clock, while
 * cookies expire on the test's manual clock, so the header is carried by hand.
 */
export function adoptSession(client: supertest.Agent, res: supertest.Response): supertest.Agent {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const session = cookies.map((c) => /^(consigne_session=[A-Za-z0-9_-]{43});/.exec(c)?.[1]).find(Boolean);
  if (!session) throw new Error('The response set no session cookie');
  return client.set('Cookie', session);
}

export async function requestCode(client: supertest.Agent, phone: string) {
  const res = await client.post('/api/auth/sms/request').send({ phone });
  await settleBackground();
  return res;
}

/** The whole SMS login through the fake Twilio: request → read the SMS → verify. Returns the logged-in client. */
export async function smsLogin(
  ctx: TestContext,
  fake: FakeTwilio,
  phone: string,
  options: { trustedDevice?: boolean; ip?: string } = {},
): Promise<supertest.Agent> {
  const client = anonymousClient(ctx, options.ip);
  const requested = await requestCode(client, phone);
  expect(requested.status).toBe(202);
  const verified = await client.post('/api/auth/sms/verify').send({
    requestId: requested.body.requestId,
    code: fake.lastCodeFor(phone),
    trustedDevice: options.trustedDevice ?? false,
  });
  expect(verified.status).toBe(200);
  return adoptSession(client, verified);
}
