import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { badRequest } from '../http/errors.js';

/**
 * OTP-10: only French mobile numbers. Metropolitan France (+33 6 / +33 7) and the overseas
 * departments and collectivities that share the French mobile plans: Guadeloupe, Saint-Barthélemy
 * and Saint-Martin (+590), Martinique (+596), Guyane (+594), La Réunion and Mayotte (+262),
 * Saint-Pierre-et-Miquelon (+508). The number type comes from libphonenumber-js's full metadata.
 */
const FRENCH_REGIONS = new Set(['FR', 'GP', 'BL', 'MF', 'MQ', 'GF', 'RE', 'YT', 'PM']);

/** The number in E.164 when it is a French mobile number, else null. National formats (06…) are read as French. */
export function frenchMobile(input: string): string | null {
  if (input.length > 30) return null;
  const parsed = parsePhoneNumberFromString(input, 'FR');
  if (!parsed?.isValid() || !parsed.country || !FRENCH_REGIONS.has(parsed.country)) return null;
  return parsed.getType() === 'MOBILE' ? parsed.number : null;
}

export const notFrenchMobile = () =>
  badRequest(
    'not_french_mobile',
    "Ce numéro n'est pas un numéro de mobile français. Saisissez un numéro qui commence par 06 ou 07 (ou un mobile d'outre-mer).",
  );

/** The E.164 form, or a 400 with a French message — before anything is looked up or sent. */
export function requireFrenchMobile(input: string): string {
  const phone = frenchMobile(input);
  if (!phone) throw notFrenchMobile();
  return phone;
}
