import { safeLink } from './html.js';
import type { Locale } from './locale.js';
import { PRODUCT_NAME, duration } from './locale.js';

/**
 * OTP-12: an SMS may be read by whoever holds the phone, so it carries the service name and at most
 * a code or a generic link — never a name, a structure, a number or a document. The parameters
 * below are the whole vocabulary on purpose.
 *
 * Every text stays within the GSM-7 alphabet (no "ê", "ç", curly quotes or non-breaking spaces) and
 * one 160-character segment: a single other character switches the SMS to UCS-2 and doubles its cost.
 */
export interface SmsParams {
  'login-code': { code: string; expiresInMinutes: number };
  'follow-consent-code': { code: string; expiresInMinutes: number };
  welcome: { link: string };
  'phone-number-changed': Record<string, never>;
  'emergency-card-used': Record<string, never>;
  'emergency-card-issued': Record<string, never>;
}

export type SmsKind = keyof SmsParams;

type Texts = { [K in SmsKind]: (params: SmsParams[K]) => string };

const FR: Texts = {
  'login-code': ({ code, expiresInMinutes }) =>
    `${PRODUCT_NAME} : votre code est ${otp(code)}. Il expire dans ${duration(expiresInMinutes, 'minute', 'fr')}. Ne le donnez à personne.`,
  'follow-consent-code': ({ code, expiresInMinutes }) =>
    `${PRODUCT_NAME} : votre code pour accepter un accompagnement est ${otp(code)}. Il expire dans ${duration(expiresInMinutes, 'minute', 'fr')}. Donnez-le seulement en personne.`,
  welcome: ({ link }) =>
    `${PRODUCT_NAME} : votre coffre-fort numérique est ouvert. Connectez-vous avec ce numéro sur ${safeLink(link)}`,
  'phone-number-changed': () =>
    `${PRODUCT_NAME} : le numéro de téléphone de votre compte a été changé. Si ce n'est pas vous, contactez votre référent.`,
  'emergency-card-used': () =>
    `${PRODUCT_NAME} : votre carte d'urgence a été utilisée. Si ce n'est pas vous ou une personne de confiance, contactez votre référent.`,
  'emergency-card-issued': () =>
    `${PRODUCT_NAME} : une nouvelle carte d'urgence a été imprimée pour votre compte. Les anciens codes ne marchent plus. Si ce n'est pas vous, contactez votre référent.`,
};

const EN: Texts = {
  'login-code': ({ code, expiresInMinutes }) =>
    `${PRODUCT_NAME}: your code is ${otp(code)}. It expires in ${duration(expiresInMinutes, 'minute', 'en')}. Do not share it with anyone.`,
  'follow-consent-code': ({ code, expiresInMinutes }) =>
    `${PRODUCT_NAME}: your code to accept support is ${otp(code)}. It expires in ${duration(expiresInMinutes, 'minute', 'en')}. Only give it in person.`,
  welcome: ({ link }) =>
    `${PRODUCT_NAME}: your digital vault is open. Log in with this phone number at ${safeLink(link)}`,
  'phone-number-changed': () =>
    `${PRODUCT_NAME}: the phone number of your account was changed. If this was not you, contact your support worker.`,
  'emergency-card-used': () =>
    `${PRODUCT_NAME}: your emergency card was used. If this was not you or someone you trust, contact your support worker.`,
  'emergency-card-issued': () =>
    `${PRODUCT_NAME}: a new emergency card was printed for your account. The old codes no longer work. If this was not you, contact your support worker.`,
};

const TEXTS: Record<Locale, Texts> = { fr: FR, en: EN };

export function smsText<K extends SmsKind>(kind: K, locale: Locale, params: SmsParams[K]): string {
  return TEXTS[locale][kind](params);
}

/** A typo passing something else than a code (a name, a phone) must not reach an SMS. */
function otp(code: string): string {
  if (!/^\d{6}$/.test(code)) throw new Error('An SMS code must be exactly 6 digits');
  return code;
}
