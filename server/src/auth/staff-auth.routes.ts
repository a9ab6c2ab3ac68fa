import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { AuditAction } from '../audit/audit-actions.js';
import type { AuditInput } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { defineRoute, type HandlerContext } from '../http/route.js';
import { passwordResetEmail } from '../notifications/templates/emails.js';
import { HOUR } from '../shared/clock.js';
import { assertAcceptablePassword, hashPassword } from '../staff/passwords.js';
import { StaffMemberEntity, StaffTokenEntity, type StaffMember } from '../staff/staff.entity.js';
import {
  PASSWORD_RESET_TTL_MS,
  consumeToken,
  findUsableToken,
  grantInvitedMembership,
  isEnrolled,
  issueStaffToken,
  normaliseEmail,
  platformAdminReferentForbidden,
  voidSettledInvitations,
} from '../staff/staff.service.js';
import { encryptTotpSecret, generateTotpSecret, totpUri } from '../staff/totp.js';
import { StructureEntity } from '../structures/structure.entity.js';
import { deviceLabel } from './device-label.js';
import type { Session, SessionStage } from './session.entity.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { createSession, deleteSession, deleteSessionsOf } from './session.service.js';
import { hashToken } from './tokens.js';
import {
  accountLocked,
  canRequestReset,
  checkStaffPassword,
  claimRecoveryCode,
  claimTotpCode,
  invalidMfaCode,
  meOf,
  pendingMember,
  registerFailure,
  replaceRecoveryCodes,
  staffActor,
  staffMe,
} from './staff-auth.service.js';
import {
  invitationSchema,
  loginStepSchema,
  meSchema,
  passwordBody,
  staffMeSchema,
  passwordResetRequestBody,
  recoveryCodesSchema,
  staffLoginBody,
  staffVerifyTotpBody,
  tokenParams,
  totpCodeBody,
  totpEnrolmentSchema,
} from './staff-auth.schemas.js';

const tags = ['authentication'];

/** Opens a staff session at `stage` and records `event` about it, inside the caller's transaction. */
async function openStaffSession(
  em: EntityManager,
  ctx: { deps: Deps; req: Request; audit: HandlerContext<unknown, unknown, unknown>['audit'] },
  member: StaffMember,
  stage: SessionStage,
  event: { action: AuditAction; structureId?: string | null; details?: AuditInput['details'] },
) {
  const created = await createSession(
    em,
    ctx.deps.clock,
    { subjectKind: 'staff', staffId: member.id, stage },
    deviceLabel(ctx.req.get('User-Agent')),
  );
  await ctx.audit(em, {
    ...event,
    actor: staffActor(member, created.session.id),
    targetType: 'staff',
    targetId: member.id,
  });
  return created;
}

/** SESS-1: every sign-in step ends the session it came with and hands out a fresh token. */
function sendSessionCookie(deps: Deps, res: Response, created: { token: string; session: Session }): void {
  setSessionCookie(res, deps.config, created.token, created.session.expiresAt);
}

export const staffAuthRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/staff/login',
    operationId: 'staffLogin',
    summary: 'Staff sign-in, step 1: e-mail and password. Opens a short session waiting for the TOTP code.',
    tags,
    policy: 'auth.staffLogin',
    body: staffLoginBody,
    responses: {
      200: { description: 'Password accepted: send the TOTP code next', schema: loginStepSchema },
      401: { description: 'Wrong e-mail or password (one generic answer)' },
      429: { description: 'Too many failures: locked for 15 minutes (Retry-After)' },
    },
    handler: async ({ deps, body, req, res, ...ctx }) => {
      const member = await checkStaffPassword(deps, (em, event) => ctx.audit(em, event), body);
      const created = await deps.db.transaction(async (em) => {
        if (req.session) await deleteSession(em, req.session.id);
        return openStaffSession(em, { deps, req, ...ctx }, member, 'mfa_pending', {
          action: 'staff.login',
          details: { step: 'password' },
        });
      });
      sendSessionCookie(deps, res, created);
      return { next: 'totp' as const };
    },
  }),

  defineRoute({
    method: 'post',
    path: '/auth/staff/totp',
    operationId: 'staffVerifyTotp',
    summary: 'Staff sign-in, step 2: a TOTP code or a recovery code. Opens the real session.',
    tags,
    policy: 'auth.staffMfa',
    body: staffVerifyTotpBody,
    responses: {
      200: { description: 'Signed in', schema: meSchema },
      401: { description: 'Wrong or reused code, or the password step expired' },
      429: { description: 'Too many failures: locked for 15 minutes (Retry-After)' },
    },
    handler: async ({ deps, body, req, res, ...ctx }) => {
      const pending = req.session;
      const member = await pendingMember(deps, pending);
      const method = 'code' in body ? 'totp' : 'recovery_code';
      const outcome = await deps.db.transaction(async (em) => {
        let recoveryCodesLeft: number | null = null;
        if ('code' in body) {
          if ((await claimTotpCode(em, deps, member, body.code)) === null) return null;
        } else {
          recoveryCodesLeft = await claimRecoveryCode(em, deps, member, body.recoveryCode);
          if (recoveryCodesLeft === null) return null;
        }
        await deleteSession(em, pending!.id);
        await em.getRepository(StaffMemberEntity).update({ id: member.id }, { failedLogins: 0, lockedUntil: null });
        const created = await openStaffSession(em, { deps, req, ...ctx }, member, 'active', {
          action: 'staff.mfa',
          details: { method, ...(recoveryCodesLeft === null ? {} : { recoveryCodesLeft }) },
        });
        return { created, me: await staffMe(em, member, null) };
      });
      if (!outcome) {
        const lockMs = await registerFailure(
          deps,
          (em, event) => ctx.audit(em, event),
          member,
          'staff.mfa',
          `wrong_${method}`,
        );
        if (lockMs) {
          await deleteSession(deps.db.manager, pending!.id);
          clearSessionCookie(res, deps.config);
        }
        throw lockMs ? accountLocked(lockMs) : invalidMfaCode();
      }
      sendSessionCookie(deps, res, outcome.created);
      return outcome.me;
    },
  }),

  defineRoute({
    method: 'post',
    path: '/auth/logout',
    operationId: 'logout',
    summary: 'Sign out: the session is deleted server-side and the browser told to forget the site (SESS-3).',
    tags,
    policy: 'auth.logout',
    responses: { 204: { description: 'Signed out' } },
    handler: async ({ deps, req, res, ...ctx }) => {
      const session = req.session;
      if (session) {
        await deps.db.transaction(async (em) => {
          await deleteSession(em, session.id);
          const staff = session.subjectKind === 'staff';
          await ctx.audit(em, {
            action: staff ? 'staff.logout' : 'beneficiary.logout',
            targetType: staff ? 'staff' : 'beneficiary',
            targetId: staff ? session.staffId : session.beneficiaryId,
            ...(staff ? {} : { beneficiaryId: session.beneficiaryId }),
          });
        });
      }
      clearSessionCookie(res, deps.config);
      return undefined;
    },
  }),

  defineRoute({
    method: 'get',
    path: '/me',
    operationId: 'getMe',
    summary: 'Who is signed in: a staff member (with their structures) or a beneficiary.',
    tags,
    policy: 'auth.me',
    responses: { 200: { description: 'The signed-in person', schema: meSchema } },
    handler: ({ deps, actor }) => meOf(deps.db.manager, actor),
  }),

  defineRoute({
    method: 'get',
    path: '/invitations/:token',
    operationId: 'getInvitation',
    summary: 'What an invitation link is for (before choosing a password).',
    tags,
    policy: 'auth.invitation',
    params: tokenParams,
    responses: {
      200: { description: 'The invitation', schema: invitationSchema },
      404: { description: 'Unknown link' },
      410: { description: 'Expired or already used' },
    },
    handler: async ({ deps, params }) => {
      const { record, member } = await findUsableToken(deps.db.manager, deps.clock, params.token, 'invitation');
      const structure = record.structureId
        ? await deps.db.getRepository(StructureEntity).findOneBy({ id: record.structureId })
        : null;
      return {
        kind: isEnrolled(member) ? ('join' as const) : ('enrol' as const),
        email: member.email,
        displayName: member.displayName,
        structureName: structure?.name ?? null,
        role: record.role,
        platformAdmin: member.platformAdmin,
        expiresAt: record.expiresAt.toISOString(),
        passwordSet: member.passwordHash !== null && member.totpSecret !== null,
      };
    },
  }),

  defineRoute({
    method: 'post',
    path: '/invitations/:token/accept',
    operationId: 'acceptInvitation',
    summary: 'Invitation step 1: choose a password; answers the TOTP secret to enrol an authenticator app.',
    tags,
    policy: 'auth.invitation',
    params: tokenParams,
    body: passwordBody,
    responses: {
      200: { description: 'Password set: enrol the authenticator next', schema: totpEnrolmentSchema },
      410: { description: 'Expired or already used' },
      422: { description: 'Password refused (too short, too common)' },
    },
    handler: async ({ deps, params, body, ...ctx }) => {
      const { record, member } = await findUsableToken(deps.db.manager, deps.clock, params.token, 'invitation');
      if (isEnrolled(member)) throw conflict('already_enrolled', 'Ce compte est déjà activé : connectez-vous.');
      // AUTHZ-4: refused before any change, so the account is not half set up.
      if (member.platformAdmin && record.role === 'referent') throw platformAdminReferentForbidden();
      assertAcceptablePassword(body.password);
      const passwordHash = await hashPassword(body.password);
      const secret = generateTotpSecret();
      await deps.db.transaction(async (em) => {
        const live = await findUsableToken(em, deps.clock, params.token, 'invitation');
        if (isEnrolled(live.member)) throw conflict('already_enrolled', 'Ce compte est déjà activé : connectez-vous.');
        await em.getRepository(StaffMemberEntity).update(
          { id: member.id },
          {
            passwordHash,
            totpSecret: encryptTotpSecret(deps.config.SECRET_KEY, secret),
            updatedAt: deps.clock.now(),
          },
        );
        await ctx.audit(em, {
          action: 'staff.invitation_accepted',
          structureId: record.structureId,
          targetType: 'staff',
          targetId: member.id,
        });
      });
      return { otpauthUri: totpUri(secret, member.email), secret };
    },
  }),

  defineRoute({
    method: 'post',
    path: '/invitations/:token/totp',
    operationId: 'confirmInvitationTotp',
    summary: 'Invitation step 2: confirm the first TOTP code; answers 10 recovery codes and signs in.',
    tags,
    policy: 'auth.invitation',
    params: tokenParams,
    body: totpCodeBody,
    responses: {
      200: {
        description: 'MFA enrolled and signed in; the recovery codes are shown once',
        schema: recoveryCodesSchema,
      },
      400: { description: 'Wrong code' },
      409: { description: 'The password step was not done' },
      410: { description: 'Expired or already used' },
    },
    handler: async ({ deps, params, body, req, res, ...ctx }) => {
      const { created, recoveryCodes } = await deps.db.transaction(async (em) => {
        const { record, member } = await findUsableToken(em, deps.clock, params.token, 'invitation');
        if (!member.passwordHash || !member.totpSecret)
          throw conflict('password_required', "Choisissez d'abord votre mot de passe.");
        if ((await claimTotpCode(em, deps, member, body.code)) === null)
          throw badRequest(
            'invalid_mfa_code',
            "Ce code est incorrect. Vérifiez l'heure de votre téléphone et saisissez le code affiché maintenant.",
          );
        await consumeToken(em, deps.clock, record);
        // The invitee accepted: the membership of an existing account is created now (AUTHZ-4).
        await grantInvitedMembership(em, deps.clock, record, member);
        await voidSettledInvitations(em, deps.clock, member.id);
        const enrolled: StaffMember = { ...member, mfaEnrolledAt: deps.clock.now() };
        await em
          .getRepository(StaffMemberEntity)
          .update({ id: member.id }, { mfaEnrolledAt: enrolled.mfaEnrolledAt, failedLogins: 0, lockedUntil: null });
        const recoveryCodes = await replaceRecoveryCodes(em, deps, member.id);
        const created = await openStaffSession(em, { deps, req, ...ctx }, enrolled, 'active', {
          action: 'staff.mfa_enrolled',
          structureId: record.structureId,
        });
        return { created, recoveryCodes };
      });
      if (req.session) await deleteSession(deps.db.manager, req.session.id);
      sendSessionCookie(deps, res, created);
      return { recoveryCodes };
    },
  }),

  defineRoute({
    method: 'post',
    path: '/invitations/:token/join',
    operationId: 'joinStructure',
    summary: 'Accept an invitation into one more structure, signed in as the invited (enrolled) account.',
    description:
      'AUTHZ-4: an existing account becomes a member only here, by its own choice. The session must be ' +
      "the invitee's (else 404, like an unknown link). A platform admin cannot join as a referent (403).",
    tags,
    policy: 'auth.invitation',
    params: tokenParams,
    responses: {
      200: { description: 'Joined: who is signed in, with the joined structure active', schema: staffMeSchema },
      403: { description: 'A platform admin invited as referent' },
      404: { description: 'Unknown link, or not signed in as the invited account' },
      409: { description: 'Access to that structure deactivated, or structure archived' },
      410: { description: 'Expired or already used' },
    },
    handler: async ({ deps, actor, params, ...ctx }) => {
      const missing = () =>
        notFound(
          'invitation_not_found',
          "Ce lien d'invitation n'est pas valide pour ce compte. Connectez-vous avec l'adresse e-mail qui a reçu l'invitation.",
        );
      if (actor.kind !== 'staff') throw missing();
      const owner = await deps.db
        .getRepository(StaffTokenEntity)
        .findOneBy({ tokenHash: hashToken(params.token), purpose: 'invitation' });
      if (!owner || owner.staffId !== actor.staffId || !owner.structureId) throw missing();
      return deps.db.transaction(async (em) => {
        const { record, member } = await findUsableToken(em, deps.clock, params.token, 'invitation');
        if (!isEnrolled(member)) throw missing();
        const membership = await grantInvitedMembership(em, deps.clock, record, member);
        await consumeToken(em, deps.clock, record);
        await ctx.audit(em, {
          action: 'staff.invitation_accepted',
          structureId: record.structureId,
          targetType: 'staff',
          targetId: member.id,
          details: { role: membership?.role ?? null, via: 'join' },
        });
        return staffMe(em, member, record.structureId);
      });
    },
  }),

  defineRoute({
    method: 'post',
    path: '/auth/password-reset',
    operationId: 'requestPasswordReset',
    summary: 'Ask for a password-reset link by e-mail. Always 204, whether the address is known or not.',
    tags,
    policy: 'auth.passwordReset',
    body: passwordResetRequestBody,
    responses: { 204: { description: 'If the address has an account, a link was sent' } },
    handler: async ({ deps, body, ...ctx }) => {
      const member = await deps.db.getRepository(StaffMemberEntity).findOneBy({ email: normaliseEmail(body.email) });
      if (!member || !isEnrolled(member) || member.deactivatedAt) return undefined;
      const token = await deps.db.transaction(async (em) => {
        if (!(await canRequestReset(em, deps.clock, member.id))) return null;
        const { token } = await issueStaffToken(em, deps.clock, { staffId: member.id, purpose: 'password_reset' });
        await ctx.audit(em, { action: 'staff.password_reset_requested', targetType: 'staff', targetId: member.id });
        return token;
      });
      if (!token) return undefined;
      // Sent after answering, so the answer time does not tell whether the address has an account.
      const mail = passwordResetEmail({
        locale: member.locale === 'en' ? 'en' : 'fr',
        link: `${deps.config.PUBLIC_URL}/admin/password-reset/${token}`,
        expiresInHours: PASSWORD_RESET_TTL_MS / HOUR,
      });
      void deps.mailer
        .send({ to: member.email, ...mail })
        .catch(() => deps.logger.warn({ staffId: member.id }, 'password reset mail not sent'));
      return undefined;
    },
  }),

  defineRoute({
    method: 'post',
    path: '/auth/password-reset/:token',
    operationId: 'resetPassword',
    summary: 'Choose a new password from a reset link; every session of the account ends.',
    tags,
    policy: 'auth.passwordReset',
    params: tokenParams,
    body: passwordBody,
    responses: {
      204: { description: 'Password changed: sign in again' },
      410: { description: 'Expired or already used' },
      422: { description: 'Password refused (too short, too common)' },
    },
    handler: async ({ deps, params, body, ...ctx }) => {
      await findUsableToken(deps.db.manager, deps.clock, params.token, 'password_reset');
      assertAcceptablePassword(body.password);
      const passwordHash = await hashPassword(body.password);
      await deps.db.transaction(async (em) => {
        const { record, member } = await findUsableToken(em, deps.clock, params.token, 'password_reset');
        await consumeToken(em, deps.clock, record);
        await em
          .getRepository(StaffMemberEntity)
          .update({ id: member.id }, { passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: deps.clock.now() });
        const sessionsEnded = await deleteSessionsOf(em, { staffId: member.id });
        await ctx.audit(em, {
          action: 'staff.password_reset',
          targetType: 'staff',
          targetId: member.id,
          details: { sessionsEnded },
        });
      });
      return undefined;
    },
  }),
];
