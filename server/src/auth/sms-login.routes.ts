import type { Response } from 'express';
import type { Config } from '../config.js';
import { defineRoute } from '../http/route.js';
import type { NewSession } from './session.service.js';
import { setSessionCookie } from './session-cookie.js';
import {
  codeRequested,
  requestSmsCodeBody,
  sessionOpened,
  verifyRecoveryCodeBody,
  verifySmsCodeBody,
} from './sms-login.schemas.js';
import { requestLoginCode, verifyLoginCode, verifyRecoveryCode } from './sms-login.service.js';

function opened(res: Response, config: Readonly<Config>, { session, token }: NewSession) {
  setSessionCookie(res, config, token, session.expiresAt);
  res.setHeader('Cache-Control', 'no-store');
  return {
    subjectKind: 'beneficiary' as const,
    trustedDevice: session.trustedDevice,
    expiresAt: session.expiresAt.toISOString(),
  };
}

const refused = {
  400: { description: 'Not a French mobile number, or a wrong, expired or used code (French message)' },
  423: { description: 'The account is locked after too many wrong codes; a referent unlocks it' },
  429: { description: 'Too many attempts: `Retry-After` says when to try again' },
};

/** Beneficiaries log in with their phone: an SMS code, or an emergency-card code when SMS cannot be received. */
export const smsLoginRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/sms/request',
    operationId: 'requestSmsCode',
    summary: 'Sends a login code by SMS to a French mobile number that has an account.',
    description:
      'Always the same 202 answer, known number or not (no SMS is sent to unknown or locked numbers). ' +
      'Limits: per number 1 per minute, 5 per hour, 10 per day; per client IP 10 per hour.',
    tags: ['auth'],
    policy: 'auth.smsLogin',
    body: requestSmsCodeBody,
    status: 202,
    responses: {
      202: { description: 'If the number has an account, a code is on its way', schema: codeRequested },
      400: refused[400],
      429: refused[429],
      503: { description: 'SMS unavailable (daily budget spent)' },
    },
    handler: async (ctx) => {
      ctx.res.setHeader('Cache-Control', 'no-store');
      return requestLoginCode(ctx, ctx.body.phone);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/sms/verify',
    operationId: 'verifySmsCode',
    summary: 'Checks the code of a login request and opens a beneficiary session (cookie).',
    tags: ['auth'],
    policy: 'auth.smsLogin',
    body: verifySmsCodeBody,
    responses: { 200: { description: 'Logged in', schema: sessionOpened }, ...refused },
    handler: async (ctx) => opened(ctx.res, ctx.deps.config, await verifyLoginCode(ctx, ctx.body)),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/sms/recovery',
    operationId: 'verifyRecoveryCode',
    summary: 'Opens a beneficiary session with the phone number and one code of their emergency card.',
    tags: ['auth'],
    policy: 'auth.smsLogin',
    description:
      'An unknown number, a wrong or used code and a locked account all get the same 400 `invalid_recovery_code`, ' +
      'whatever code is typed (OTP-8).',
    body: verifyRecoveryCodeBody,
    responses: {
      200: { description: 'Logged in', schema: sessionOpened },
      400: { description: 'Not a French mobile number, or no match (also for a locked account)' },
      429: refused[429],
    },
    handler: async (ctx) => opened(ctx.res, ctx.deps.config, await verifyRecoveryCode(ctx, ctx.body)),
  }),
];
