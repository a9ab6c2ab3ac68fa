import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { serviceUnavailable } from '../http/errors.js';
import type { DevOutbox } from './dev-outbox.js';

export interface SmsMessage {
  /** E.164, e.g. `+33612345678`. */
  to: string;
  body: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/** Only what is safe to log (LOG-4): Twilio's messages echo the phone number, so they are left out. */
interface FailureLog {
  warn(details: { provider: string; status?: number; code?: number }, message: string): void;
}

export interface TwilioSmsOptions {
  accountSid: string;
  authToken: string;
  /** A Twilio number; at least one of `from` and `messagingServiceSid` is required. */
  from?: string;
  messagingServiceSid?: string;
  /** TWILIO_API_BASE_URL: sends every API call to this origin instead (tests, local fakes). */
  apiBaseUrl?: string;
  log?: FailureLog;
}

// A login request waits on this call: better a quick 503 than a request hanging for the SDK's 30 s.
const TIMEOUT_MS = 10_000;

export const smsUnavailable = () =>
  serviceUnavailable(
    'sms_unavailable',
    "L'envoi des SMS est momentanément indisponible. Réessayez dans quelques minutes.",
  );

/** The SDK's `edge`/`region` options only rename Twilio hosts; this is the supported way to point it elsewhere. */
class RebasedRequestClient extends twilio.RequestClient {
  readonly #origin: URL;

  constructor(apiBaseUrl: string) {
    super({ timeout: TIMEOUT_MS });
    this.#origin = new URL(apiBaseUrl);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    uri.protocol = this.#origin.protocol;
    uri.host = this.#origin.host;
    return super.request<TData>({ ...opts, uri: uri.href });
  }
}

export function createTwilioSmsSender(options: TwilioSmsOptions): SmsSender {
  const { accountSid, authToken, from, messagingServiceSid, apiBaseUrl, log } = options;
  if (from === undefined && messagingServiceSid === undefined) {
    throw new Error('Twilio needs a sender: set TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID.');
  }
  const httpClient =
    apiBaseUrl === undefined ? new twilio.RequestClient({ timeout: TIMEOUT_MS }) : new RebasedRequestClient(apiBaseUrl);
  const client = twilio(accountSid, authToken, { httpClient });

  return {
    async send({ to, body }) {
      try {
        await client.messages.create({
          to,
          body,
          ...(from === undefined ? {} : { from }),
          ...(messagingServiceSid === undefined ? {} : { messagingServiceSid }),
        });
      } catch (error) {
        const { status, code } = error as { status?: unknown; code?: unknown };
        log?.warn(
          {
            provider: 'twilio',
            ...(typeof status === 'number' ? { status } : {}),
            ...(typeof code === 'number' ? { code } : {}),
          },
          'sms delivery failed',
        );
        throw smsUnavailable();
      }
    },
  };
}

export function createOutboxSmsSender(outbox: DevOutbox): SmsSender {
  return {
    async send({ to, body }) {
      await outbox.record({ channel: 'sms', to, text: body });
    },
  };
}
