import { z } from 'zod';

/** Passwords are checked against the policy in the service (French messages); here only bounded. */
const password = z.string().min(1).max(1024);

export const staffLoginBody = z.strictObject({ email: z.string().trim().min(3).max(254), password });

export const staffVerifyTotpBody = z.union([
  z.strictObject({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { message: 'Le code compte 6 chiffres.' }),
  }),
  z.strictObject({ recoveryCode: z.string().trim().min(8).max(40) }),
]);

export const tokenParams = z.strictObject({ token: z.string().min(1).max(200) });

export const passwordBody = z.strictObject({ password });

export const totpCodeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'Le code compte 6 chiffres.' }),
});

export const passwordResetRequestBody = z.strictObject({ email: z.string().trim().min(3).max(254) });

export const loginStepSchema = z.object({ next: z.literal('totp') });

const role = z.enum(['admin', 'referent']);

export const staffMeSchema = z.object({
  kind: z.literal('staff'),
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: z.string(),
  platformAdmin: z.boolean(),
  memberships: z.array(z.object({ structureId: z.uuid(), structureName: z.string(), structureKind: z.string(), role })),
  /** The structure named by `X-Structure-Id`, when the staff member actively belongs to it. */
  activeStructureId: z.uuid().nullable(),
});

export const beneficiaryMeSchema = z.object({
  kind: z.literal('beneficiary'),
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  locale: z.string(),
});

export const meSchema = z.discriminatedUnion('kind', [staffMeSchema, beneficiaryMeSchema]);

export const invitationSchema = z.object({
  /**
   * `enrol`: the account is not set up yet — choose a password, then the authenticator
   * (acceptInvitation, confirmInvitationTotp). `join`: an enrolled account invited into one more
   * structure — sign in as that account, then accept (joinStructure).
   */
  kind: z.enum(['enrol', 'join']),
  email: z.string(),
  displayName: z.string(),
  /** Null for a platform-admin invitation. */
  structureName: z.string().nullable(),
  role: role.nullable(),
  platformAdmin: z.boolean(),
  expiresAt: z.string(),
  /** The password step is done; what remains is confirming the authenticator app. */
  passwordSet: z.boolean(),
});

export const totpEnrolmentSchema = z.object({
  /** Shown as a QR code by the back-office. */
  otpauthUri: z.string(),
  /** The same secret in base32, for typing into an app by hand. */
  secret: z.string(),
});

export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()).length(10) });
