import { expect } from 'vitest';
import type supertest from 'supertest';
import { SECOND } from '../../shared/clock.js';
import { hashPassword } from '../../staff/passwords.js';
import { StaffMemberEntity, type StaffMember } from '../../staff/staff.entity.js';
import { currentTotp, encryptTotpSecret, generateTotpSecret } from '../../staff/totp.js';
import type { Structure } from '../../structures/structure.entity.js';
import type { TestContext } from '../../../test/support/test-context.js';

/**
 * Helpers for the staff sign-in tests: they drive the real HTTP routes the way the back-office
 * does, computing TOTP codes from the enrolled secret and the test clock.
 */

export const GOOD_PASSWORD = 'une phrase de passe assez longue';

export const secretOf = (otpauthUri: string) => new URL(otpauthUri).searchParams.get('secret')!;

export const tokenOf = (link: string) => {
  const match = /\/admin\/(?:invitation|password-reset)\/([A-Za-z0-9_-]{43})\b/.exec(link);
  if (!match) throw new Error(`No link token in: ${link}`);
  return match[1]!;
};

/** The first one-time link in a text (mail body, CLI output). */
export const linkIn = (text: string) => {
  const match = /https?:\/\/\S+\/admin\/(?:invitation|password-reset)\/[A-Za-z0-9_-]{43}/.exec(text);
  if (!match) throw new Error(`No link in: ${text}`);
  return match[0];
};

/** A TOTP code never accepted before: moves the clock to the next 30-second step first. */
export function freshCode(ctx: TestContext, secret: string): string {
  ctx.clock.advance(30 * SECOND);
  return currentTotp(secret, ctx.clock.now());
}

/** Invitation → password → TOTP, through the API. Returns the TOTP secret, recovery codes and signed-in agent. */
export async function enrolThroughInvitation(ctx: TestContext, token: string, password = GOOD_PASSWORD) {
  const agent = ctx.http();
  const accepted = await agent.post(`/api/invitations/${token}/accept`).send({ password }).expect(200);
  const enrolment = accepted.body as { otpauthUri: string; secret: string };
  const secret = secretOf(enrolment.otpauthUri);
  expect(enrolment.secret).toBe(secret);
  const confirmed = await agent
    .post(`/api/invitations/${token}/totp`)
    .send({ code: freshCode(ctx, secret) })
    .expect(200);
  return { secret, recoveryCodes: (confirmed.body as { recoveryCodes: string[] }).recoveryCodes, agent };
}

/** E-mail + password, then a fresh TOTP code; returns an agent holding the active session. */
export async function logIn(
  ctx: TestContext,
  credentials: { email: string; password?: string; secret: string; structure?: Pick<Structure, 'id'> },
): Promise<supertest.Agent> {
  const agent = ctx.http();
  await agent
    .post('/api/auth/staff/login')
    .send({ email: credentials.email, password: credentials.password ?? GOOD_PASSWORD })
    .expect(200, { next: 'totp' });
  await agent
    .post('/api/auth/staff/totp')
    .send({ code: freshCode(ctx, credentials.secret) })
    .expect(200);
  if (credentials.structure) agent.set('X-Structure-Id', credentials.structure.id);
  return agent;
}

/** Gives a factory-made staff member a real password and TOTP secret (as if they had enrolled). */
export async function giveCredentials(
  ctx: TestContext,
  member: StaffMember,
  password = GOOD_PASSWORD,
): Promise<{ email: string; password: string; secret: string }> {
  const secret = generateTotpSecret();
  await ctx.deps.db.getRepository(StaffMemberEntity).update(
    { id: member.id },
    {
      passwordHash: await hashPassword(password),
      totpSecret: encryptTotpSecret(ctx.deps.config.SECRET_KEY, secret),
      mfaEnrolledAt: ctx.clock.now(),
    },
  );
  return { email: member.email, password, secret };
}
