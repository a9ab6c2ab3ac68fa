import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { BeneficiaryEntity } from '../beneficiaries/beneficiary.entity.js';
import {
  adoptSession,
  anonymousClient,
  freshPhone,
  makeReferent,
  requestCode,
  someIp,
  twilioEnv,
  twilioTestContext,
} from '../beneficiaries/test-support/accounts.js';
import { MINUTE, HOUR, SECOND, DAY } from '../shared/clock.js';
import type { FakeTwilio } from '../../test/support/fake-twilio.js';
import { makeBeneficiary, makeStructure } from '../../test/support/factories.js';
import { createTestContext, type TestContext } from '../../test/support/test-context.js';
import { settleBackground } from './background.js';
import { codeHash, newCode } from './one-time-code.js';
import { OtpCodeEntity } from './sms-login.entity.js';

let fake: FakeTwilio;
let ctx: TestContext;

const env = twilioTestContext();
beforeAll(() => ({ ctx, fake } = env));

const smsTo = (phone: string) => fake.messages.filter((m) => m.to === phone);

async function account(phone = freshPhone()) {
  return makeBeneficiary(ctx, { overrides: { phone } });
}

const verify = (client: ReturnType<typeof anonymousClient>, requestId: string, code: string, trustedDevice = false) =>
  client.post('/api/auth/sms/verify').send({ requestId, code, trustedDevice });

/** A six-digit code that is not `code`. */
const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('OTP-1: six digits from a CSPRNG', () => {
  it('sends six digits, and two requests at the same instant get unrelated codes', async () => {
    const [a, b] = [await account(), await account()];
    await requestCode(anonymousClient(ctx), a.phone);
    await requestCode(anonymousClient(ctx), b.phone);
    const codes = [fake.lastCodeFor(a.phone), fake.lastCodeFor(b.phone)];
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes[0]).not.toBe(codes[1]);
  });

  it('draws codes uniformly over the whole six-digit space (leading zeros included)', () => {
    const codes = Array.from({ length: 5000 }, newCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(4950);
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
    const firstDigits = new Set(codes.map((c) => c[0]));
    expect(firstDigits.size).toBe(10);
  });
});

describe('OTP-2: a code is valid 10 minutes', () => {
  it('is accepted at 9:59', async () => {
    const b = await account();
    const client = anonymousClient(ctx);
    const { body } = await requestCode(client, b.phone);
    ctx.clock.advance(9 * MINUTE + 59 * SECOND);
    expect((await verify(client, body.requestId, fake.lastCodeFor(b.phone))).status).toBe(200);
  });

  it('is refused at 10:01, even when right', async () => {
    const b = await account();
    const client = anonymousClient(ctx);
    const { body } = await requestCode(client, b.phone);
    ctx.clock.advance(10 * MINUTE + SECOND);
    const res = await verify(client, body.requestId, fake.lastCodeFor(b.phone));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'code_expired',
      title: "Ce code n'est plus valable. Demandez un nouveau code.",
    });
  });
});

describe('OTP-3: five wrong entries burn the code', () => {
  it('counts down, then refuses the right code after the fifth wrong one', async () => {
    const b = await account();
    const client = anonymousClient(ctx);
    const { body } = await requestCode(client, b.phone);
    const code = fake.lastCodeFor(b.phone);
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await verify(client, body.requestId, other(code));
      expect(res.status).toBe(400);
      left.push(res.body.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const right = await verify(client, body.requestId, code);
    expect(right.status).toBe(400);
    expect(right.body.code).toBe('code_expired');
  });

  it('still accepts the right code after four wrong ones', async () => {
    const b = await account();
    const client = anonymousClient(ctx);
    const { body } = await requestCode(client, b.phone);
    const code = fake.lastCodeFor(b.phone);
    for (let i = 0; i < 4; i++) expect((await verify(client, body.requestId, other(code))).status).toBe(400);
    expect((await verify(client, body.requestId, code)).status).toBe(200);
  });
});

describe('OTP-4: single use, bound to its login request', () => {
  it('refuses a code the second time', async () => {
    const b = await account();
    const client = anonymousClient(ctx);
    const { body } = await requestCode(client, b.phone);
    const code = fake.lastCodeFor(b.phone);
    expect((await verify(client, body.requestId, code)).status).toBe(200);
    const again = await verify(anonymousClient(ctx), body.requestId, code);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('code_expired');
  });

  it("refuses a request's code presented with another request's id", async () => {
    const b = await account();
    const first = await requestCode(anonymousClient(ctx), b.phone);
    const firstCode = fake.lastCodeFor(b.phone);
    ctx.clock.advance(61 * SECOND);
    const second = await requestCode(anonymousClient(ctx), b.phone);
    const secondCode = fake.lastCodeFor(b.phone);
    if (secondCode !== firstCode) {
      expect((await verify(anonymousClient(ctx), second.body.requestId, firstCode)).status).toBe(400);
    }
    expect(
      (
        await verify(
          anonymousClient(ctx),
          first.body.requestId,
          secondCode === firstCode ? other(firstCode) : secondCode,
        )
      ).status,
    ).toBe(400);
    // Each still works with its own request.
    expect((await verify(anonymousClient(ctx), second.body.requestId, secondCode)).status).toBe(200);
  });

  it('refuses an unknown request id like an expired one', async () => {
    const res = await verify(anonymousClient(ctx), '6f1c1d1e-8a51-4b9b-9d43-3c0f2b0d9a11', '123456');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('code_expired');
  });
});

describe('OTP-5: only an HMAC of the code is stored', () => {
  it('keeps HMAC(secret, request id + code), never the code, in the database or the audit log', async () => {
    const b = await account();
    const { body } = await requestCode(anonymousClient(ctx), b.phone);
    const code = fake.lastCodeFor(b.phone);
    const row = await ctx.deps.db.getRepository(OtpCodeEntity).findOneByOrFail({ id: body.requestId });
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.codeHash).toBe(codeHash(ctx.deps.config.SECRET_KEY, body.requestId, code));
    expect(JSON.stringify(row)).not.toContain(code);
    expect(codeHash('another-secret-of-at-least-32-characters!', body.requestId, code)).not.toBe(row.codeHash);
    const events = await ctx.deps.db.getRepository(AuditEventEntity).findBy({ targetId: body.requestId });
    expect(events.map((e) => e.action)).toEqual(['beneficiary.otp_sent']);
    expect(JSON.stringify(events)).not.toContain(code);
    expect(JSON.stringify(events)).not.toContain(b.phone);
  });
});

describe('OTP-6: per phone, 1 per 60 s, 5 per hour, 10 per day', () => {
  it('refuses a second send within 60 s with Retry-After and a French delay, without calling the provider', async () => {
    const b = await account();
    expect((await requestCode(anonymousClient(ctx), b.phone)).status).toBe(202);
    ctx.clock.advance(30 * SECOND);
    const res = await requestCode(anonymousClient(ctx), b.phone);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.body).toMatchObject({ code: 'too_many_requests', title: 'Trop de demandes. Réessayez dans 1 minute.' });
    expect(smsTo(b.phone)).toHaveLength(1);
    ctx.clock.advance(30 * SECOND);
    expect((await requestCode(anonymousClient(ctx), b.phone)).status).toBe(202);
  });

  it('allows 5 per rolling hour, then says when to retry', async () => {
    const b = await account();
    for (let i = 0; i < 5; i++) {
      expect((await requestCode(anonymousClient(ctx), b.phone)).status).toBe(202);
      ctx.clock.advance(MINUTE);
    }
    // 5 minutes after the first send: the first frees its slot 55 minutes from now.
    const res = await requestCode(anonymousClient(ctx), b.phone);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe(String(55 * 60));
    expect(res.body.title).toBe('Trop de demandes. Réessayez dans 55 minutes.');
    expect(smsTo(b.phone)).toHaveLength(5);
    ctx.clock.advance(55 * MINUTE);
    expect((await requestCode(anonymousClient(ctx), b.phone)).status).toBe(202);
  });

  it('allows 10 per rolling day', async () => {
    const b = await account();
    const start = ctx.clock.now().getTime();
    for (let hour = 0; hour < 2; hour++) {
      for (let i = 0; i < 5; i++) {
        expect((await requestCode(anonymousClient(ctx), b.phone)).status).toBe(202);
        ctx.clock.advance(MINUTE);
      }
      ctx.clock.advance(HOUR);
    }
    const res = await requestCode(anonymousClient(ctx), b.phone);
    expect(res.status).toBe(429);
    const expected = Math.ceil((start + DAY - ctx.clock.now().getTime()) / 1000);
    expect(Number(res.headers['retry-after'])).toBe(expected);
    expect(res.body.title).toMatch(/^Trop de demandes\. Réessayez dans \d+ heures\.$/);
    expect(smsTo(b.phone)).toHaveLength(10);
  });

  it('limits unknown numbers exactly like known ones', async () => {
    const unknown = freshPhone();
    expect((await requestCode(anonymousClient(ctx), unknown)).status).toBe(202);
    const res = await requestCode(anonymousClient(ctx), unknown);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
  });
});

describe('OTP-7: per client IP, 10 sends per hour', () => {
  it('refuses the eleventh send from one address, not from another', async () => {
    const ip = someIp();
    for (let i = 0; i < 10; i++) {
      expect((await requestCode(anonymousClient(ctx, ip), freshPhone())).status).toBe(202);
    }
    const refused = await requestCode(anonymousClient(ctx, ip), freshPhone());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.title).toMatch(/^Trop de demandes\. Réessayez dans \d+ minutes?\.$/);
    expect((await requestCode(anonymousClient(ctx, someIp()), freshPhone())).status).toBe(202);
    ctx.clock.advance(HOUR);
    expect((await requestCode(anonymousClient(ctx, ip), freshPhone())).status).toBe(202);
  });

  it('ignores X-Forwarded-For from a client that is not a configured proxy', async () => {
    const strict = await createTestContext({ ...twilioEnv(fake), TRUSTED_PROXIES: '192.0.2.10' });
    try {
      for (let i = 0; i < 10; i++) {
        expect((await requestCode(anonymousClient(strict, someIp()), freshPhone())).status).toBe(202);
      }
      // A new X-Forwarded-For each time does not help: the address counted is the socket's.
      expect((await requestCode(anonymousClient(strict, someIp()), freshPhone())).status).toBe(429);
    } finally {
      await strict.close();
    }
  });
});

describe('OTP-8: 20 failed verifications in 24 h lock the account', () => {
  it('locks at the twentieth failure, sends no more codes, and a referent unlocks it', async () => {
    const structure = await makeStructure(ctx);
    const b = await makeBeneficiary(ctx, { followedBy: [structure], overrides: { phone: freshPhone() } });
    const { agent: referent } = await makeReferent(ctx, structure);
    let last: { requestId: string; code: string } | undefined;
    for (let round = 0; round < 4; round++) {
      const client = anonymousClient(ctx);
      const { body } = await requestCode(client, b.phone);
      const code = fake.lastCodeFor(b.phone);
      last = { requestId: body.requestId, code };
      for (let i = 0; i < 5; i++) expect((await verify(client, body.requestId, other(code))).status).toBe(400);
      ctx.clock.advance(2 * MINUTE);
    }
    const stored = await ctx.deps.db.getRepository(BeneficiaryEntity).findOneByOrFail({ id: b.id });
    expect(stored.lockedAt).not.toBeNull();
    expect(stored.lockReason).toBe('too_many_failed_codes');
    const locks = await ctx.deps.db
      .getRepository(AuditEventEntity)
      .findBy({ beneficiaryId: b.id, action: 'beneficiary.locked' });
    expect(locks).toHaveLength(1);

    // OTP-9 holds for a locked account: same answer, no SMS.
    const sent = smsTo(b.phone).length;
    const locked = await requestCode(anonymousClient(ctx), b.phone);
    expect(locked.status).toBe(202);
    expect(smsTo(b.phone)).toHaveLength(sent);
    expect(last).toBeDefined();

    const shown = await referent.get(`/api/beneficiaries/${b.id}`);
    expect(shown.body).toMatchObject({ locked: true, lockReason: 'too_many_failed_codes' });
    expect((await referent.post(`/api/beneficiaries/${b.id}/unlock`)).status).toBe(200);
    // Five sends already this hour (OTP-6): the next one is allowed an hour later.
    ctx.clock.advance(HOUR);
    const client = anonymousClient(ctx);
    const again = await requestCode(client, b.phone);
    expect(smsTo(b.phone)).toHaveLength(sent + 1);
    expect((await verify(client, again.body.requestId, fake.lastCodeFor(b.phone))).status).toBe(200);
  });

  it('does not lock on 19 failures, nor when failures are spread over more than 24 h', async () => {
    const b = await account();
    const fail = async (times: number) => {
      while (times > 0) {
        const client = anonymousClient(ctx);
        const { body } = await requestCode(client, b.phone);
        const code = fake.lastCodeFor(b.phone);
        const n = Math.min(times, 4);
        for (let i = 0; i < n; i++) await verify(client, body.requestId, other(code));
        times -= n;
        ctx.clock.advance(13 * MINUTE);
      }
    };
    await fail(19);
    expect((await ctx.deps.db.getRepository(BeneficiaryEntity).findOneByOrFail({ id: b.id })).lockedAt).toBeNull();
    ctx.clock.advance(DAY);
    await fail(4);
    expect((await ctx.deps.db.getRepository(BeneficiaryEntity).findOneByOrFail({ id: b.id })).lockedAt).toBeNull();
  });

  it('answers a right code on a locked account with a clear French message and no session', async () => {
    const b = await account();
    const client = anonymousClient(ctx);
    const { body } = await requestCode(client, b.phone);
    await ctx.deps.db
      .getRepository(BeneficiaryEntity)
      .update({ id: b.id }, { lockedAt: ctx.clock.now(), lockReason: 'too_many_failed_codes' });
    const res = await verify(client, body.requestId, fake.lastCodeFor(b.phone));
    expect(res.status).toBe(423);
    expect(res.body.code).toBe('account_locked');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('OTP-9: an unknown number gets the same answer, in the same time, and no SMS', () => {
  const shape = (body: Record<string, unknown>) => ({ ...body, requestId: typeof body.requestId });

  it('answers 202 with the same body for known and unknown numbers and sends nothing to the unknown one', async () => {
    const known = await account();
    const unknown = freshPhone();
    const a = await requestCode(anonymousClient(ctx), known.phone);
    const b = await requestCode(anonymousClient(ctx), unknown);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(shape(a.body)).toEqual(shape(b.body));
    expect(b.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(a.headers).sort()).toEqual(Object.keys(b.headers).sort());
    expect(smsTo(known.phone)).toHaveLength(1);
    expect(smsTo(unknown)).toHaveLength(0);
    // Verifying an unknown number's request behaves like a wrong code, then burns, like any other.
    const res = await verify(anonymousClient(ctx), b.body.requestId, '000000');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_code');
    expect(res.body.attemptsLeft).toBe(4);
  });

  it('does not let a provider failure show through', async () => {
    const known = await account();
    fake.failNext(500);
    const res = await requestCode(anonymousClient(ctx), known.phone);
    expect(res.status).toBe(202);
    expect(smsTo(known.phone)).toHaveLength(0);
  });

  it('takes the same time for known and unknown numbers (the SMS leaves after the answer)', async () => {
    const time = async (phone: string) => {
      const started = process.hrtime.bigint();
      const res = await anonymousClient(ctx).post('/api/auth/sms/request').send({ phone });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      expect(res.status).toBe(202);
      return ms;
    };
    const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 12; i++) {
      const b = await account();
      known.push(await time(b.phone));
      unknown.push(await time(freshPhone()));
    }
    await settleBackground();
    const [k, u] = [median(known), median(unknown)];
    expect(Math.abs(k - u)).toBeLessThan(Math.max(15, 0.5 * Math.min(k, u)));
  });
});

describe('OTP-10: only French mobile numbers, refused before any provider call', () => {
  it.each([
    ['a landline', '01 45 67 89 01'],
    ['a foreign mobile', '+44 7911 123456'],
    ['a Belgian mobile', '+32 470 12 34 56'],
    ['garbage', 'not a phone'],
    ['too short', '06 12 34'],
  ])('refuses %s with a French 400 and no SMS', async (_what, phone) => {
    const before = fake.messages.length;
    const res = await requestCode(anonymousClient(ctx), phone);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('not_french_mobile');
    expect(res.body.title).toMatch(/^Ce numéro n'est pas un numéro de mobile français/);
    expect(fake.messages.length).toBe(before);
  });

  it.each([
    ['metropolitan 06', '06 12 34 00 01', '+33612340001'],
    ['metropolitan 07', '+33 7 56 12 00 02', '+33756120002'],
    ['Guadeloupe', '+590 690 00 11 22', '+590690001122'],
    ['La Réunion', '+262 692 12 34 56', '+262692123456'],
  ])('accepts %s, normalised to E.164', async (_what, typed, e164) => {
    await account(e164);
    expect((await requestCode(anonymousClient(ctx), typed)).status).toBe(202);
    expect(smsTo(e164).length).toBeGreaterThan(0);
  });
});

describe('OTP-11: a global daily SMS budget with a circuit breaker', () => {
  it('stops sending once the budget is spent: 503, audited once, logged, nothing sent; back the next day', async () => {
    const tight = await createTestContext({ ...twilioEnv(fake), SMS_DAILY_BUDGET: '2' });
    try {
      const warn = vi.spyOn(tight.deps.logger, 'warn');
      const phones = [freshPhone(), freshPhone(), freshPhone()];
      for (const phone of phones) await makeBeneficiary(tight, { overrides: { phone } });
      expect((await requestCode(anonymousClient(tight), phones[0]!)).status).toBe(202);
      expect((await requestCode(anonymousClient(tight), phones[1]!)).status).toBe(202);
      const sent = fake.messages.length;

      const refused = await requestCode(anonymousClient(tight), phones[2]!);
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('sms_budget_exhausted');
      expect(refused.body.title).toMatch(/^L'envoi des SMS est suspendu pour aujourd'hui/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // The breaker is open for everyone, unknown numbers included (nothing to tell them apart).
      expect((await requestCode(anonymousClient(tight), freshPhone())).status).toBe(503);
      expect(fake.messages.length).toBe(sent);

      const audited = await tight.deps.db.getRepository(AuditEventEntity).findBy({ action: 'sms.budget_exhausted' });
      expect(audited).toHaveLength(1);
      expect(audited[0]!.result).toBe('denied');
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ security: 'sms_budget_exhausted', budget: 2 }),
        expect.stringContaining('security event'),
      );

      tight.clock.advance(DAY);
      expect((await requestCode(anonymousClient(tight), phones[2]!)).status).toBe(202);
      expect(fake.messages.length).toBe(sent + 1);
    } finally {
      await tight.close();
    }
  });
});

describe('OTP-12: the SMS holds only the code and the service name', () => {
  it('sends exactly the login text, nothing about the person or their structure', async () => {
    const structure = await makeStructure(ctx, { name: 'Association Solidarité Nord' });
    const b = await makeBeneficiary(ctx, {
      followedBy: [structure],
      overrides: { phone: freshPhone(), firstName: 'Jeanne', lastName: 'Rivière' },
    });
    await requestCode(anonymousClient(ctx), b.phone);
    const sms = smsTo(b.phone).at(-1)!;
    const code = fake.lastCodeFor(b.phone);
    expect(sms.body).toBe(`Consigne : votre code est ${code}. Il expire dans 10 minutes. Ne le donnez à personne.`);
    expect(sms.body).not.toMatch(/Jeanne|Rivière|Solidarité|\+33/);
  });
});

describe('the verified session', () => {
  it('sets an HttpOnly SameSite cookie and replaces the session the browser held', async () => {
    const b = await account();
    const client = anonymousClient(ctx);
    const first = await requestCode(client, b.phone);
    const verified = await verify(client, first.body.requestId, fake.lastCodeFor(b.phone), true);
    expect(verified.body).toMatchObject({ subjectKind: 'beneficiary', trustedDevice: true });
    expect(verified.headers['set-cookie']?.[0]).toMatch(/HttpOnly/);
    expect(verified.headers['set-cookie']?.[0]).toMatch(/SameSite=Lax/i);
    adoptSession(client, verified);
    ctx.clock.advance(2 * MINUTE);
    const second = await requestCode(client, b.phone);
    const again = await verify(client, second.body.requestId, fake.lastCodeFor(b.phone));
    expect(again.status).toBe(200);
    adoptSession(client, again);
    const sessions = await client.get('/api/me/sessions');
    expect(sessions.body.data).toHaveLength(1);
  });
});
