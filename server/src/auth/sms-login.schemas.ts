import { z } from 'zod';

/** Phone as typed (06 12 34 56 78, +33…): its French-mobile check gives a French 400 of its own (OTP-10). */
const phone = z.string().trim().min(1).max(30);

export const requestSmsCodeBody = z.strictObject({ phone });

export const codeRequested = z.object({
  requestId: z.uuid(),
  expiresInSeconds: z.number().int(),
  message: z.string(),
});

export const verifySmsCodeBody = z.strictObject({
  requestId: z.uuid(),
  code: z.string().regex(/^\d{6}$/, { message: 'Le code a 6 chiffres.' }),
  /** "This is my own phone": the long session (SESS-2). */
  trustedDevice: z.boolean(),
});

export const verifyRecoveryCodeBody = z.strictObject({
  phone,
  code: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .regex(/^[A-Za-z0-9\s-]+$/, { message: 'Le code contient des lettres et des chiffres.' }),
  trustedDevice: z.boolean(),
});

export const sessionOpened = z.object({
  subjectKind: z.literal('beneficiary'),
  trustedDevice: z.boolean(),
  expiresAt: z.string(),
});
