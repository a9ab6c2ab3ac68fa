import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import {
  beneficiaryCreated,
  beneficiaryDetail,
  beneficiaryIdParams,
  beneficiaryList,
  beneficiaryView,
  changePhoneBody,
  createBeneficiaryBody,
  emergencyCardBody,
  listBeneficiariesQuery,
  phoneChanged,
  possibleDuplicate,
  sessionsRevoked,
  updateBeneficiaryBody,
} from './beneficiaries.schemas.js';
import {
  changeBeneficiaryPhone,
  createBeneficiary,
  getBeneficiary,
  issueEmergencyCard,
  listBeneficiaries,
  revokeBeneficiarySessions,
  unlockBeneficiary,
  updateBeneficiary,
} from './beneficiaries.service.js';

const notVisible = { description: 'Not followed by your structure (or does not exist)' };
const tags = ['beneficiaries'];

/** Beneficiaries as the referents of a structure that follows them see and manage them. */
export const beneficiaryRoutes = [
  defineRoute({
    method: 'post',
    path: '/beneficiaries',
    operationId: 'createBeneficiary',
    summary: 'Opens a vault for a person; your structure follows them and they get a welcome SMS.',
    tags,
    policy: 'beneficiary.create',
    body: createBeneficiaryBody,
    status: 201,
    responses: {
      201: { description: 'Created', schema: beneficiaryCreated },
      400: { description: 'Invalid input, or not a French mobile number' },
      409: {
        description: 'Possible duplicate: the id if your structure follows them, else what to ask a follow with',
        schema: possibleDuplicate,
      },
    },
    handler: async (ctx) => createBeneficiary(ctx, ctx.body),
  }),
  defineRoute({
    method: 'get',
    path: '/beneficiaries',
    operationId: 'listBeneficiaries',
    summary: 'The beneficiaries your structure follows, searchable and paginated.',
    tags,
    policy: 'beneficiary.read',
    query: listBeneficiariesQuery,
    responses: { 200: { description: 'One page', schema: beneficiaryList } },
    handler: async (ctx) => listBeneficiaries(ctx, ctx.query),
  }),
  defineRoute({
    method: 'get',
    path: '/beneficiaries/:beneficiaryId',
    operationId: 'getBeneficiary',
    summary: 'A beneficiary your structure follows: identity, follows, lock state, sessions.',
    tags,
    policy: 'beneficiary.read',
    params: beneficiaryIdParams,
    responses: { 200: { description: 'The beneficiary', schema: beneficiaryDetail }, 404: notVisible },
    handler: async (ctx) => getBeneficiary(ctx, ctx.params.beneficiaryId),
  }),
  defineRoute({
    method: 'patch',
    path: '/beneficiaries/:beneficiaryId',
    operationId: 'updateBeneficiary',
    summary: 'Corrects names, birth date, e-mail or language (not the phone number).',
    tags,
    policy: 'beneficiary.update',
    params: beneficiaryIdParams,
    body: updateBeneficiaryBody,
    responses: { 200: { description: 'Updated', schema: beneficiaryView }, 404: notVisible },
    handler: async (ctx) => updateBeneficiary(ctx, ctx.params.beneficiaryId, ctx.body),
  }),
  defineRoute({
    method: 'post',
    path: '/beneficiaries/:beneficiaryId/unlock',
    operationId: 'unlockBeneficiary',
    summary: 'Unlocks an account locked after too many wrong codes (OTP-8).',
    tags,
    policy: 'beneficiary.unlock',
    params: beneficiaryIdParams,
    responses: { 200: { description: 'Unlocked', schema: beneficiaryView }, 404: notVisible },
    handler: async (ctx) => unlockBeneficiary(ctx, ctx.params.beneficiaryId),
  }),
  defineRoute({
    method: 'post',
    path: '/beneficiaries/:beneficiaryId/sessions/revoke',
    operationId: 'revokeBeneficiarySessions',
    summary: 'Logs the beneficiary out on every device.',
    tags,
    policy: 'beneficiary.revokeSessions',
    params: beneficiaryIdParams,
    responses: { 200: { description: 'Sessions ended', schema: sessionsRevoked }, 404: notVisible },
    handler: async (ctx) => revokeBeneficiarySessions(ctx, ctx.params.beneficiaryId),
  }),
  defineRoute({
    method: 'post',
    path: '/beneficiaries/:beneficiaryId/phone',
    operationId: 'changeBeneficiaryPhone',
    summary: "Changes the beneficiary's phone number after the referent re-enters their TOTP (OTP-13).",
    tags,
    policy: 'beneficiary.changePhone',
    params: beneficiaryIdParams,
    body: changePhoneBody,
    responses: {
      200: { description: 'Changed; sessions revoked; both numbers notified', schema: phoneChanged },
      400: { description: 'Not a French mobile number, or the same number' },
      403: { description: 'Wrong TOTP code' },
      404: notVisible,
      409: { description: 'The number belongs to another account' },
    },
    handler: async (ctx) => changeBeneficiaryPhone(ctx, ctx.params.beneficiaryId, ctx.body),
  }),
  defineRoute({
    method: 'post',
    path: '/beneficiaries/:beneficiaryId/emergency-card',
    operationId: 'issueEmergencyCard',
    summary: 'Prints a new emergency card (PDF, 10 one-time codes); the previous card stops working.',
    description:
      'The beneficiary prints their own card with an empty body. A referent re-enters their own current TOTP ' +
      'code (`totp`, single use) and the beneficiary is told by SMS that a new card was printed (AUTHZ-3).',
    tags,
    policy: 'beneficiary.emergencyCard',
    params: beneficiaryIdParams,
    body: emergencyCardBody,
    responses: {
      200: { description: 'The card', contentType: 'application/pdf', schema: z.string() },
      400: { description: 'Staff: no TOTP code given (`totp_required`)' },
      403: { description: 'Staff: wrong or already used TOTP code (`invalid_totp`)' },
      404: notVisible,
      503: { description: 'Staff: the SMS notice cannot be sent today (daily SMS budget spent); nothing changed' },
    },
    handler: async (ctx) => {
      const pdf = await issueEmergencyCard(ctx, ctx.params.beneficiaryId, ctx.body);
      ctx.res
        .status(200)
        .set({
          'Content-Type': 'application/pdf',
          'Content-Disposition': 'attachment; filename="carte-urgence-consigne.pdf"',
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        })
        .end(Buffer.from(pdf));
      return undefined;
    },
  }),
];
