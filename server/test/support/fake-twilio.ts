import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Loopback stand-in for Twilio's Messages API, driven by the real SDK through TWILIO_API_BASE_URL.
 * It checks what Twilio checks (Basic auth, account in the path, required fields) and answers
 * with Twilio's shapes, so the SDK's own parsing and error handling are exercised.
 */

export interface FakeSms {
  sid: string;
  accountSid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
}

export interface FakeTwilioOptions {
  /** Must start with "AC": the SDK refuses anything else. */
  accountSid?: string;
  authToken?: string;
}

export interface FakeTwilio {
  /** Origin to pass as TWILIO_API_BASE_URL. */
  url: string;
  accountSid: string;
  authToken: string;
  /** Accepted messages, oldest first; refused requests are not recorded. */
  messages: FakeSms[];
  /** Resolves with the oldest SMS to `to` that no earlier call has returned. */
  waitForSms(to: string, options?: { timeoutMs?: number }): Promise<FakeSms>;
  /** The 6-digit code of the latest SMS to `to`; throws if there is none. */
  lastCodeFor(to: string): string;
  /** The next message request gets this HTTP status and a Twilio error body, like an outage. */
  failNext(status: number): void;
  close(): Promise<void>;
}

interface Waiter {
  to: string;
  resolve(sms: FakeSms): void;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

export async function startFakeTwilio({
  accountSid = 'AC00000000000000000000000000000001',
  authToken = 'fake-twilio-auth-token',
}: FakeTwilioOptions = {}): Promise<FakeTwilio> {
  const messages: FakeSms[] = [];
  const claimed = new Set<FakeSms>();
  const failures: number[] = [];
  let waiters: Waiter[] = [];

  const claim = (to: string): FakeSms | undefined => {
    const sms = messages.find((m) => !claimed.has(m) && m.to === to);
    if (sms) claimed.add(sms);
    return sms;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const match = MESSAGES_PATH.exec(path);
    if (req.method !== 'POST' || !match) return error(res, 404, 20404, 'The requested resource was not found');

    if (req.headers.authorization !== basic(accountSid, authToken)) {
      return error(res, 401, 20003, 'Authenticate');
    }
    if (match[1] !== accountSid) return error(res, 404, 20404, `The requested resource ${path} was not found`);

    const form = new URLSearchParams(await readBody(req));
    const failure = failures.shift();
    if (failure !== undefined) return error(res, failure, 20000 + failure, 'Simulated provider failure');

    const to = form.get('To');
    const from = form.get('From') ?? undefined;
    const messagingServiceSid = form.get('MessagingServiceSid') ?? undefined;
    const body = form.get('Body');
    if (!to) return error(res, 400, 21604, "A 'To' phone number is required.");
    if (!from && !messagingServiceSid) return error(res, 400, 21603, "A 'From' phone number is required.");
    if (!body) return error(res, 400, 21602, 'Message body is required.');

    const sms: FakeSms = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      accountSid,
      to,
      body,
      ...(from === undefined ? {} : { from }),
      ...(messagingServiceSid === undefined ? {} : { messagingServiceSid }),
    };
    messages.push(sms);
    waiters = waiters.filter((waiter) => {
      const found = claim(waiter.to);
      if (found) waiter.resolve(found);
      return !found;
    });
    send(res, 201, resource(sms));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => error(res, 500, 20500, 'Internal Server Error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    waitForSms(to, { timeoutMs = 5000 } = {}) {
      const ready = claim(to);
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = { to, resolve: (sms) => (clearTimeout(timer), resolve(sms)) };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          const seen = messages.map((m) => m.to).join(', ') || 'none';
          reject(new Error(`No SMS to ${to} within ${timeoutMs} ms (SMS received for: ${seen})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    lastCodeFor(to) {
      const last = messages.findLast((m) => m.to === to);
      if (!last) throw new Error(`No SMS was sent to ${to}`);
      const code = /\b(\d{6})\b/.exec(last.body)?.[1];
      if (code === undefined) throw new Error(`The last SMS to ${to} holds no 6-digit code: ${last.body}`);
      return code;
    },
    failNext(status) {
      failures.push(status);
    },
    close() {
      // The SDK keeps connections alive; without this, close() waits for them to time out.
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(payload));
}

function error(res: ServerResponse, status: number, code: number, message: string): void {
  send(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

function resource(sms: FakeSms) {
  const now = new Date().toUTCString().replace('GMT', '+0000');
  return {
    sid: sms.sid,
    account_sid: sms.accountSid,
    api_version: '2010-04-01',
    body: sms.body,
    date_created: now,
    date_updated: now,
    date_sent: null,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    // Through a Messaging Service Twilio picks the sender later, so it answers "accepted" without one.
    from: sms.from ?? null,
    messaging_service_sid: sms.messagingServiceSid ?? null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    status: sms.from === undefined ? 'accepted' : 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${sms.accountSid}/Messages/${sms.sid}/Media.json` },
    to: sms.to,
    uri: `/2010-04-01/Accounts/${sms.accountSid}/Messages/${sms.sid}.json`,
  };
}
