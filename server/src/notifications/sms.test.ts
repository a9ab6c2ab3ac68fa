import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeTwilio } from '../../test/support/fake-twilio.js';
import type { FakeTwilio } from '../../test/support/fake-twilio.js';
import { AppError } from '../http/errors.js';
import { ManualClock } from '../shared/clock.js';
import { openDevOutbox } from './dev-outbox.js';
import { createOutboxSmsSender, createTwilioSmsSender } from './sms.js';

const FROM = '+33757000000';

describe('Twilio SMS sender', () => {
  let fake: FakeTwilio;
  beforeAll(async () => {
    fake = await startFakeTwilio();
  });
  afterAll(() => fake.close());

  const sender = (overrides: Partial<Parameters<typeof createTwilioSmsSender>[0]> = {}) =>
    createTwilioSmsSender({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      from: FROM,
      apiBaseUrl: fake.url,
      ...overrides,
    });

  it('sends through the real SDK to the configured API origin, authenticated as the account', async () => {
    await sender().send({ to: '+33612345678', body: 'Consigne : votre code est 482913.' });

    const sms = await fake.waitForSms('+33612345678');
    expect(sms).toMatchObject({
      accountSid: fake.accountSid,
      to: '+33612345678',
      from: FROM,
      body: 'Consigne : votre code est 482913.',
    });
    expect(sms.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.lastCodeFor('+33612345678')).toBe('482913');
  });

  it('sends through a Messaging Service when no sender number is configured', async () => {
    await sender({ from: undefined, messagingServiceSid: 'MG00000000000000000000000000000001' }).send({
      to: '+33698765432',
      body: "Consigne : votre carte d'urgence a été utilisée.",
    });

    const sms = await fake.waitForSms('+33698765432');
    expect(sms.messagingServiceSid).toBe('MG00000000000000000000000000000001');
    expect(sms.from).toBeUndefined();
  });

  it('is refused by the provider with a wrong auth token, which surfaces as sms_unavailable', async () => {
    const log = { warn: vi.fn() };

    const error = await sender({ authToken: 'wrong', log })
      .send({ to: '+33611111111', body: 'x' })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 503, code: 'sms_unavailable' });
    expect(log.warn).toHaveBeenCalledWith({ provider: 'twilio', status: 401, code: 20003 }, 'sms delivery failed');
    expect(fake.messages.some((m) => m.to === '+33611111111')).toBe(false);
  });

  it('turns a provider outage into a 503 sms_unavailable and logs neither the number nor the text', async () => {
    fake.failNext(503);
    const log = { warn: vi.fn() };

    const error = await sender({ log })
      .send({ to: '+33622222222', body: 'Consigne : votre code est 123456.' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 503, code: 'sms_unavailable', title: expect.stringMatching(/SMS/) });
    expect((error as AppError).message).not.toMatch(/22222222|123456|20503/);
    expect(log.warn).toHaveBeenCalledWith({ provider: 'twilio', status: 503, code: 20503 }, 'sms delivery failed');
    expect(fake.messages.some((m) => m.to === '+33622222222')).toBe(false);
  });

  it('turns an unreachable provider into a 503 sms_unavailable', async () => {
    const gone = await startFakeTwilio();
    await gone.close();

    const error = await sender({ apiBaseUrl: gone.url })
      .send({ to: '+33633333333', body: 'x' })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 503, code: 'sms_unavailable' });
  });

  it('refuses a configuration without any sender', () => {
    expect(() => sender({ from: undefined })).toThrow(/TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID/);
  });
});

describe('outbox SMS sender', () => {
  it('records the SMS in the dev outbox instead of sending it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consigne-outbox-'));
    try {
      const outbox = await openDevOutbox({ dir, clock: new ManualClock(), print: () => undefined });

      await createOutboxSmsSender(outbox).send({ to: '+33612345678', body: 'Consigne : votre code est 123456.' });

      expect(outbox.list()).toEqual([
        expect.objectContaining({ channel: 'sms', to: '+33612345678', text: 'Consigne : votre code est 123456.' }),
      ]);
      expect(outbox.list()[0]).not.toHaveProperty('subject');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
