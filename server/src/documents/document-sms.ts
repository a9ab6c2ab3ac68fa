import type { Locale } from '../notifications/templates/locale.js';
import { PRODUCT_NAME } from '../notifications/templates/locale.js';

/**
 * The SMS telling a beneficiary that a referent put a paper in their vault. Like every SMS
 * (OTP-12), it says nothing of the paper, the structure or the person: whoever holds the phone
 * may read it. GSM-7 characters only, one segment.
 */
const TEXTS: Record<Locale, string> = {
  fr: `${PRODUCT_NAME} : un nouveau document a été déposé dans votre coffre-fort. Connectez-vous pour le voir.`,
  en: `${PRODUCT_NAME}: a new document was added to your vault. Log in to see it.`,
};

export const documentDepositedSms = (locale: Locale): string => TEXTS[locale];
