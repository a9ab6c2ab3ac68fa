import nodemailer from 'nodemailer';
import { serviceUnavailable } from '../http/errors.js';
import type { DevOutbox } from './dev-outbox.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Only what is safe to log: no addresses, no server replies (they often echo the recipient). */
interface FailureLog {
  warn(details: { provider: string; code?: string; responseCode?: number }, message: string): void;
}

export interface SmtpMailerOptions {
  /** SMTP_URL, e.g. `smtps://user:pass@smtp.example.org:465`; nodemailer options may ride in the query string. */
  url: string;
  /** MAIL_FROM, e.g. `Consigne <no-reply@example.org>`. */
  from: string;
  log?: FailureLog;
}

export const mailUnavailable = () =>
  serviceUnavailable(
    'mail_unavailable',
    "L'envoi des e-mails est momentanément indisponible. Réessayez dans quelques minutes.",
  );

export function createSmtpMailer({ url, from, log }: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send({ to, subject, text, html }) {
      try {
        await transport.sendMail({ from, to, subject, text, html });
      } catch (error) {
        const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
        log?.warn(
          {
            provider: 'smtp',
            ...(typeof code === 'string' ? { code } : {}),
            ...(typeof responseCode === 'number' ? { responseCode } : {}),
          },
          'mail delivery failed',
        );
        throw mailUnavailable();
      }
    },
  };
}

export function createOutboxMailer(outbox: DevOutbox): Mailer {
  return {
    async send({ to, subject, text, html }) {
      await outbox.record({ channel: 'email', to, subject, text, html });
    },
  };
}
