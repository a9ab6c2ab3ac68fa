import { z } from 'zod';

const name = z
  .string()
  .trim()
  .min(1, { message: 'Ce champ est obligatoire.' })
  .max(100)
  .regex(/^[^\p{Cc}]+$/u, { message: 'Caractères non autorisés.' });

/** A real calendar date `YYYY-MM-DD` from 1900 on; "not in the future" needs the clock and is checked in the service. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Date attendue au format AAAA-MM-JJ.' })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00.000Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '1900-01-01';
    },
    { message: "Cette date n'existe pas ou n'est pas plausible." },
  );

const email = z.email({ message: 'Adresse e-mail non valide.' }).max(254);
const locale = z.enum(['fr', 'en']);

export const beneficiaryIdParams = z.strictObject({ beneficiaryId: z.uuid() });

export const createBeneficiaryBody = z.strictObject({
  firstName: name,
  lastName: name,
  birthDate: isoDate,
  /** As typed; must be a French mobile number (normalised to E.164). */
  phone: z.string().trim().min(1).max(30),
  email: email.nullish(),
  locale: locale.optional(),
  /** The referent checked that the person with the same name and birth date is someone else. */
  confirmNotDuplicate: z.boolean().optional(),
});

export const updateBeneficiaryBody = z
  .strictObject({
    firstName: name.optional(),
    lastName: name.optional(),
    birthDate: isoDate.optional(),
    email: email.nullable().optional(),
    locale: locale.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Rien à modifier.' });

export const listBeneficiariesQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  birthDate: isoDate.optional(),
  status: z.enum(['active', 'locked']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
  sort: z.enum(['lastName', '-lastName', 'createdAt', '-createdAt', 'birthDate', '-birthDate']).default('lastName'),
});

export const changePhoneBody = z.strictObject({
  phone: z.string().trim().min(1).max(30),
  /** The referent's own current TOTP code (OTP-13). */
  totp: z.string().regex(/^\d{6}$/, { message: 'Le code a 6 chiffres.' }),
});

/**
 * A referent printing a card re-enters their own current TOTP code (AUTHZ-3): the codes open the
 * vault, so the person must be at the desk with a referent who proves it is them. The beneficiary
 * printing their own card sends nothing.
 */
export const emergencyCardBody = z.strictObject({
  totp: z
    .string()
    .regex(/^\d{6}$/, { message: 'Le code a 6 chiffres.' })
    .optional(),
});

export const beneficiaryView = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  locale: z.string(),
  locked: z.boolean(),
  lockedAt: z.string().nullable(),
  lockReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const beneficiaryDetail = beneficiaryView.extend({
  follows: z.array(
    z.object({
      id: z.uuid(),
      structureId: z.uuid(),
      structureName: z.string(),
      status: z.enum(['active', 'pending']),
      consentChannel: z.string().nullable(),
      since: z.string(),
      yours: z.boolean(),
    }),
  ),
  sessionsCount: z.number().int(),
  emergencyCodesLeft: z.number().int(),
});

export const beneficiaryCreated = beneficiaryView.extend({ welcomeSmsSent: z.boolean() });

export const beneficiaryList = z.object({ data: z.array(beneficiaryView), total: z.number().int() });

export const possibleDuplicate = z.object({
  code: z.literal('possible_duplicate'),
  title: z.string(),
  matchedOn: z.enum(['phone', 'identity']),
  /** Only when your structure already follows the existing vault. */
  beneficiaryId: z.uuid().optional(),
  /** Otherwise: what to send as `beneficiaryId` to `requestFollow`. */
  canRequestFollow: z.boolean().optional(),
  matchId: z.uuid().optional(),
});

export const phoneChanged = z.object({
  id: z.uuid(),
  phone: z.string(),
  sessionsRevoked: z.number().int(),
  noticesSent: z.number().int(),
});

export const sessionsRevoked = z.object({ revoked: z.number().int() });
