import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSmtpCatcher } from '../../test/support/smtp-catcher.js';
import type { SmtpCatcher } from '../../test/support/smtp-catcher.js';
import { AppError } from '../http/errors.js';
import { ManualClock } from '../shared/clock.js';
import { openDevOutbox } from './dev-outbox.js';
import { createOutboxMailer, createSmtpMailer } from './mailer.js';

const FROM = 'Consigne <no-reply@consigne.test>';

describe('SMTP mailer', () => {
  let catcher: SmtpCatcher;
  beforeAll(async () => {
    catcher = await startSmtpCatcher();
  });
  afterAll(() => catcher.close());

  it('delivers an e-mail with a plain-text and an HTML part to the SMTP server', async () => {
    const mailer = createSmtpMailer({ url: catcher.url, from: FROM });

    await mailer.send({
      to: 'claire@example.org',
      subject: 'Invitation à rejoindre « Accueil de jour » sur Consigne',
      text: 'Bonjour,\nCréez votre compte : https://consigne.test/invitation?token=a%2Fb=c\n',
      html: '<p>Bonjour, <a href="https://consigne.test/invitation">créez votre compte</a>.</p>',
    });

    const mail = await catcher.waitForMail('claire@example.org');
    expect(mail.envelope).toEqual({ from: 'no-reply@consigne.test', to: ['claire@example.org'] });
    expect(mail.headers.from).toBe('Consigne <no-reply@consigne.test>');
    expect(mail.subject).toBe('Invitation à rejoindre « Accueil de jour » sur Consigne');
    expect(mail.text).toBe('Bonjour,\nCréez votre compte : https://consigne.test/invitation?token=a%2Fb=c\n');
    expect(mail.html).toBe('<p>Bonjour, <a href="https://consigne.test/invitation">créez votre compte</a>.</p>');
  });

  it('turns an unreachable SMTP server into a 503 mail_unavailable without connection details', async () => {
    const gone = await startSmtpCatcher();
    await gone.close();
    const log = { warn: vi.fn() };
    const mailer = createSmtpMailer({ url: gone.url, from: FROM, log });

    const error = await mailer
      .send({ to: 'claire@example.org', subject: 's', text: 't', html: '<p>t</p>' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 503, code: 'mail_unavailable', title: expect.stringMatching(/e-mails/) });
    expect(JSON.stringify({ ...(error as AppError), message: (error as AppError).message })).not.toMatch(
      /127\.0\.0\.1|ECONNREFUSED|claire/,
    );
    expect(log.warn).toHaveBeenCalledWith({ provider: 'smtp', code: 'ESOCKET' }, 'mail delivery failed');
  });

  it('keeps a rejected recipient out of the error and the log', async () => {
    const rejecting = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        callback(
          Object.assign(new Error(`<${address.address}>: Recipient address rejected: User unknown`), {
            responseCode: 550,
          }),
        );
      },
    });
    await new Promise<void>((resolve) => rejecting.listen(0, '127.0.0.1', () => resolve()));
    const { port } = rejecting.server.address() as AddressInfo;
    const log = { warn: vi.fn() };
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: FROM, log });

    try {
      const error = await mailer
        .send({ to: 'claire@example.org', subject: 's', text: 't', html: '<p>t</p>' })
        .catch((e: unknown) => e);

      expect(error).toMatchObject({ status: 503, code: 'mail_unavailable' });
      expect((error as AppError).message).not.toContain('claire');
      expect(log.warn).toHaveBeenCalledWith(
        { provider: 'smtp', code: 'EENVELOPE', responseCode: 550 },
        'mail delivery failed',
      );
    } finally {
      await new Promise<void>((resolve) => rejecting.close(() => resolve()));
    }
  });
});

describe('outbox mailer', () => {
  it('records the e-mail in the dev outbox instead of sending it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consigne-outbox-'));
    try {
      const outbox = await openDevOutbox({ dir, clock: new ManualClock(), print: () => undefined });

      await createOutboxMailer(outbox).send({
        to: 'claire@example.org',
        subject: 'Sujet',
        text: 'Texte',
        html: '<p>Texte</p>',
      });

      expect(outbox.list()).toEqual([
        expect.objectContaining({
          channel: 'email',
          to: 'claire@example.org',
          subject: 'Sujet',
          text: 'Texte',
          html: '<p>Texte</p>',
        }),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
