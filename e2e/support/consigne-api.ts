/**
 * Real-path set-up for browser tests: a platform admin from the CLI, structures, staff and
 * beneficiaries through the public API (invitation links and SMS codes read from the dev outbox,
 * TOTP codes computed from the secret the enrolment answers). No database shortcuts.
 *
 *   const api = consigneApi(server);                       // talks to http://localhost:<port>
 *   const { referent, structureId } = await api.setUpStructureWithReferent();
 *   const beneficiary = await api.createBeneficiary(referent, { phone: '06 12 34 56 78' });
 *   const code = await api.latestSmsCode('+33612345678');
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Secret, TOTP } from 'otpauth';
import { repoRoot } from './browser.js';
import type { RunningServer } from './server.js';

const run = promisify(execFile);

/** The address the server believes it has (its PUBLIC_URL): the Origin check (SESS-7) wants it. */
export const publicUrlOf = (server: Pick<RunningServer, 'port' | 'env'>) =>
  server.env?.PUBLIC_URL ?? `http://localhost:${server.port}`;

export interface OutboxMessage {
  id: string;
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  text: string;
  sentAt: string;
}

/** A signed-in (or not yet) API client with its own cookie jar, like one browser. */
export class ApiSession {
  private readonly cookies = new Map<string, string>();
  /** Sent as `X-Structure-Id` when set (staff acting for a structure). */
  structureId: string | null = null;

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers: {
        Accept: 'application/json, application/problem+json',
        Origin: this.baseUrl,
        ...(this.cookies.size ? { Cookie: this.cookieHeader() } : {}),
        ...(this.structureId ? { 'X-Structure-Id': this.structureId } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (!name) continue;
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** JSON answer of a request that must succeed (throws with the problem otherwise). */
  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

export function totpNow(base32: string): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(base32) }).generate();
}

export function consigneApi(server: RunningServer) {
  const baseUrl = publicUrlOf(server);

  async function outbox(filter: { to?: string; channel?: 'sms' | 'email' } = {}): Promise<OutboxMessage[]> {
    const query = new URLSearchParams({ limit: '500', ...filter });
    const response = await fetch(`${baseUrl}/api/dev/outbox?${query}`);
    if (!response.ok) throw new Error(`outbox: ${response.status}`);
    return ((await response.json()) as { messages: OutboxMessage[] }).messages;
  }

  /** The newest 6-digit code sent by SMS to this E.164 number. */
  async function latestSmsCode(phoneE164: string, options: { after?: string } = {}): Promise<string> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const messages = await outbox({ to: phoneE164, channel: 'sms' });
      for (const message of messages) {
        if (options.after && message.sentAt <= options.after) continue;
        const code = /\b(\d{6})\b/.exec(message.text)?.[1];
        if (code) return code;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no SMS code sent to ${phoneE164}`);
  }

  /** The invitation token in the newest e-mail to `email`. */
  async function invitationTokenFor(email: string): Promise<string> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const [mail] = await outbox({ to: email, channel: 'email' });
      const token = mail ? /\/admin\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] : undefined;
      if (token) return token;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no invitation e-mail to ${email}`);
  }

  /** `node server/dist/cli/main.js …` with the environment the spawned server runs with. */
  async function cli(args: string[]): Promise<string> {
    const { stdout } = await run(process.execPath, [join(repoRoot, 'server', 'dist', 'cli', 'main.js'), ...args], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(server.port),
        DATA_DIR: server.dataDir,
        DATABASE_URL: `sqlite:${join(server.dataDir, 'consigne.db')}`,
        SEED_DEMO: 'false',
        NODE_ENV: 'development',
        PUBLIC_URL: baseUrl,
        ...server.env,
        LOG_LEVEL: 'warn',
      },
    });
    return stdout;
  }

  /** Chooses a password, enrols the authenticator (TOTP from the returned secret): signed in. */
  async function acceptInvitation(token: string): Promise<ApiSession> {
    const session = new ApiSession(baseUrl);
    const { secret } = await session.json<{ secret: string }>('POST', `/invitations/${token}/accept`, {
      password: 'Un mot de passe assez long 42',
    });
    await session.json('POST', `/invitations/${token}/totp`, { code: totpNow(secret) });
    return session;
  }

  async function createPlatformAdmin(email = 'plateforme@consigne.test'): Promise<ApiSession> {
    const printed = await cli(['create-platform-admin', '--email', email, '--name', 'Admin Plateforme']);
    const token = /\/admin\/invitation\/([A-Za-z0-9_-]+)/.exec(printed)?.[1];
    if (!token) throw new Error(`create-platform-admin printed no link:\n${printed}`);
    return acceptInvitation(token);
  }

  /**
   * Platform admin (CLI) → structure → its admin (invited) → a referent (invited by the admin).
   * The referent's session acts for the structure (`X-Structure-Id`).
   */
  async function setUpStructureWithReferent(
    options: { structureName?: string; referentName?: string; platformAdmin?: ApiSession } = {},
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
    referent: ApiSession,
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
    outbox,
    latestSmsCode,
    invitationTokenFor,
    cli,
    acceptInvitation,
    createPlatformAdmin,
    setUpStructureWithReferent,
    createBeneficiary,
  };
}
