/**
 * Consigne-specific helpers for the browser tests, all through real paths: the operator CLI, the
 * public API (with a cookie jar and the Origin header, like a browser), the dev outbox (SMS and
 * mails when no provider is configured), and TOTP codes computed from the secret the enrolment
 * screen shows.
 */
import { Secret, TOTP } from 'otpauth';
import type { RunningServer } from './server.js';

const period = 30;

/**
 * An authenticator app for one account. The server refuses a code whose time step is not newer
 * than the last one used (replay protection) and accepts one step of drift either way, so each
 * code is taken from the next unused step within [now-1, now+1], waiting when all are used.
 */
export class Authenticator {
  private lastStep = -Infinity;
  private readonly totp: TOTP;

  constructor(readonly secret: string) {
    this.totp = new TOTP({
      secret: Secret.fromBase32(secret.replace(/\s/g, '')),
      digits: 6,
      period,
      algorithm: 'SHA1',
    });
  }

  async code(): Promise<string> {
    for (;;) {
      const nowMs = Date.now();
      const current = Math.floor(nowMs / 1000 / period);
      const intoStep = (nowMs / 1000) % period;
      // Too close to a step change: the server might already be in the next step.
      if (intoStep > period - 3) {
        await sleep((period - intoStep + 0.5) * 1000);
        continue;
      }
      const step = Math.max(this.lastStep + 1, current - 1);
      if (step > current + 1) {
        await sleep(((step - 1) * period - nowMs / 1000 + 0.5) * 1000);
        continue;
      }
      this.lastStep = step;
      return this.totp.generate({ timestamp: step * period * 1000 + 1000 });
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} → ${status} ${JSON.stringify(body)}`);
  }
}

/** A client of the API holding a session cookie, like one browser. */
export class ApiClient {
  private readonly cookies = new Map<string, string>();
  structureId: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Origin: this.baseUrl, Accept: 'application/json' };
    if (this.cookies.size > 0) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.structureId) headers['X-Structure-Id'] = this.structureId;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}/api${path}`, { method, headers, body: payload ?? null });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (!name) continue;
      const v = value.join('=');
      if (v === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), v);
    }
    return response;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers loosely
  async json<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new ApiError(response.status, parsed, `${method} ${path}`);
    return parsed as T;
  }
}

export interface OutboxMessage {
  id: string;
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  text: string;
  sentAt: string;
}

/** What the dev outbox holds for `to` (newest first). */
export async function outbox(baseUrl: string, query: { to?: string; channel?: 'sms' | 'email' } = {}) {
  const params = new URLSearchParams(query);
  const response = await fetch(`${baseUrl}/api/dev/outbox?${params.toString()}`);
  if (!response.ok) throw new Error(`outbox → ${response.status}`);
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

/** Waits for a message in the dev outbox matching `test`. */
export async function waitForOutbox(
  baseUrl: string,
  query: { to?: string; channel?: 'sms' | 'email' },
  test: (m: OutboxMessage) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<OutboxMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await outbox(baseUrl, query)).find(test);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no outbox message for ${JSON.stringify(query)}`);
    await sleep(150);
  }
}

export const invitationToken = (text: string) => {
  const match = /\/admin\/invitation\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no invitation link in: ${text.slice(0, 300)}`);
  return match[1];
};

/** `create-platform-admin` through the operator CLI; returns the printed invitation link's token. */
export async function createPlatformAdminByCli(server: RunningServer, email: string): Promise<string> {
  const { code, stdout, stderr } = await server.cli([
    'create-platform-admin',
    '--email',
    email,
    '--name',
    'Équipe Consigne',
  ]);
  if (code !== 0) throw new Error(`create-platform-admin exited ${code}: ${stderr}`);
  return invitationToken(stdout);
}

export interface EnrolledStaff {
  client: ApiClient;
  authenticator: Authenticator;
  recoveryCodes: string[];
  email: string;
  password: string;
}

/** Accepts an invitation through the API (password, TOTP, recovery codes); the client is signed in. */
export async function enrolByApi(baseUrl: string, token: string, password: string): Promise<EnrolledStaff> {
  const client = new ApiClient(baseUrl);
  const invitation = await client.json<{ email: string }>('GET', `/invitations/${token}`);
  const { secret } = await client.json<{ secret: string }>('POST', `/invitations/${token}/accept`, { password });
  const authenticator = new Authenticator(secret);
  const { recoveryCodes } = await client.json<{ recoveryCodes: string[] }>('POST', `/invitations/${token}/totp`, {
    code: await authenticator.code(),
  });
  return { client, authenticator, recoveryCodes, email: invitation.email, password };
}

/** A beneficiary's session: SMS code request → code read from the dev outbox → verify. */
export async function beneficiaryLogin(baseUrl: string, phoneE164: string): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const since = Date.now();
  const { requestId } = await client.json<{ requestId: string }>('POST', '/auth/sms/request', { phone: phoneE164 });
  const sms = await waitForOutbox(
    baseUrl,
    { to: phoneE164, channel: 'sms' },
    (m) => Date.parse(m.sentAt) >= since - 1000 && /code/i.test(m.text) && /\d{3}\s?\d{3}/.test(m.text),
  );
  const code = /(\d{3})\s?(\d{3})/.exec(sms.text)!.slice(1, 3).join('');
  await client.json('POST', '/auth/sms/verify', { requestId, code, trustedDevice: false });
  return client;
}

export const strongPassword = (who: string) => `une phrase assez longue pour ${who} 2026`;

const sixDigitCode = /\b(\d{6})\b/;
const invitationLink = /\/admin\/invitation\/[A-Za-z0-9_-]+/;

/**
 * Real-path set-up for the beneficiary app's tests, on the helpers above: a platform admin from
 * the CLI, structures, staff and beneficiaries through the public API. No database shortcuts.
 *
 *   const api = consigneApi(server);
 *   const { referent, structureId } = await api.setUpStructureWithReferent();
 *   const beneficiary = await api.createBeneficiary(referent, { phone: '06 12 34 56 78' });
 *   const code = await api.latestSmsCode('+33612345678');
 */
export function consigneApi(server: RunningServer) {
  // The address the server believes it has (its PUBLIC_URL): the Origin check (SESS-7) wants it.
  const baseUrl = server.env.PUBLIC_URL ?? server.baseUrl;

  /** The newest 6-digit code sent by SMS to this E.164 number (after `after`, an ISO time, if given). */
  async function latestSmsCode(phoneE164: string, options: { after?: string } = {}): Promise<string> {
    const { after } = options;
    const sms = await waitForOutbox(
      baseUrl,
      { to: phoneE164, channel: 'sms' },
      (m) => !(after && m.sentAt <= after) && sixDigitCode.test(m.text),
    );
    return sixDigitCode.exec(sms.text)![1]!;
  }

  /** The invitation token in the newest e-mail to `email` holding one. */
  async function invitationTokenFor(email: string): Promise<string> {
    const mail = await waitForOutbox(baseUrl, { to: email, channel: 'email' }, (m) => invitationLink.test(m.text));
    return invitationToken(mail.text);
  }

  /** Chooses a password, enrols the authenticator (TOTP from the returned secret): signed in. */
  async function acceptInvitation(token: string): Promise<ApiClient> {
    return (await enrolByApi(baseUrl, token, 'Un mot de passe assez long 42')).client;
  }

  async function createPlatformAdmin(email = 'plateforme@consigne.test'): Promise<ApiClient> {
    return acceptInvitation(await createPlatformAdminByCli(server, email));
  }

  /**
   * Platform admin (CLI) → structure → its admin (invited) → a referent (invited by the admin).
   * The referent's session acts for the structure (`X-Structure-Id`).
   */
  async function setUpStructureWithReferent(
    options: { structureName?: string; referentName?: string; platformAdmin?: ApiClient } = {},
  ) {
    const structureName = options.structureName ?? 'CCAS de Démo';
    const slug = structureName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const platformAdmin = options.platformAdmin ?? (await createPlatformAdmin());
    const structure = await platformAdmin.json<{ id: string }>('POST', '/structures', {
      name: structureName,
      kind: 'ccas',
    });
    const adminEmail = `admin@${slug}.test`;
    await platformAdmin.json('POST', `/structures/${structure.id}/invitations`, {
      email: adminEmail,
      displayName: 'Paul (admin)',
    });
    const admin = await acceptInvitation(await invitationTokenFor(adminEmail));
    admin.structureId = structure.id;
    const referentEmail = `referente@${slug}.test`;
    await admin.json('POST', '/staff/invitations', {
      email: referentEmail,
      displayName: options.referentName ?? 'Marie',
      role: 'referent',
    });
    const referent = await acceptInvitation(await invitationTokenFor(referentEmail));
    referent.structureId = structure.id;
    return { platformAdmin, admin, referent, structureId: structure.id, structureName };
  }

  async function createBeneficiary(
    referent: ApiClient,
    input: { phone: string; firstName?: string; lastName?: string; birthDate?: string },
  ): Promise<{ id: string }> {
    return referent.json<{ id: string }>('POST', '/beneficiaries', {
      firstName: input.firstName ?? 'Samir',
      lastName: input.lastName ?? 'Benali',
      birthDate: input.birthDate ?? '1985-04-12',
      phone: input.phone,
    });
  }

  return {
    baseUrl,
    /** What the dev outbox holds (newest first). */
    outbox: (filter: { to?: string; channel?: 'sms' | 'email' } = {}) => outbox(baseUrl, filter),
    latestSmsCode,
    invitationTokenFor,
    acceptInvitation,
    createPlatformAdmin,
    setUpStructureWithReferent,
    createBeneficiary,
  };
}
