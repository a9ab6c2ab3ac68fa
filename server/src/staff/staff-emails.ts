import { renderHtml, renderText } from '../notifications/templates/html.js';
import { DEFAULT_LOCALE, PRODUCT_NAME, type Locale } from '../notifications/templates/locale.js';
import type { RenderedEmail } from '../notifications/templates/emails.js';

export interface AddedToStructureEmailParams {
  locale?: Locale;
  /** The back-office sign-in page. */
  link: string;
  structureName: string;
}

/** To a staff member who already has an account and was just added to another structure. */
export function addedToStructureEmail({
  locale = DEFAULT_LOCALE,
  link,
  structureName,
}: AddedToStructureEmailParams): RenderedEmail {
  const body =
    locale === 'en'
      ? {
          locale,
          title: `You now have access to ${structureName}`,
          paragraphs: [
            `You have been added to ${structureName} on ${PRODUCT_NAME}. Sign in with your usual password and verification code, then choose ${structureName} in the structure menu.`,
          ],
          action: { label: 'Sign in', link },
          linkHint: 'If the button does not work, copy this address into your browser:',
          footer: 'If you do not know this structure, tell your administrator.',
        }
      : {
          locale,
          title: `Vous avez accès à ${structureName}`,
          paragraphs: [
            `Vous avez été ajouté·e à la structure ${structureName} sur ${PRODUCT_NAME}. Connectez-vous avec votre mot de passe et votre code de vérification habituels, puis choisissez ${structureName} dans le menu des structures.`,
          ],
          action: { label: 'Me connecter', link },
          linkHint: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
          footer: 'Si vous ne connaissez pas cette structure, prévenez votre administrateur.',
        };
  const subject =
    locale === 'en'
      ? `You now have access to ${structureName} on ${PRODUCT_NAME}`
      : `Accès à ${structureName} sur ${PRODUCT_NAME}`;
  return { subject, text: renderText(body), html: renderHtml(body) };
}
