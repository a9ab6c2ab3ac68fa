import { renderHtml, renderText } from '../notifications/templates/html.js';
import { DEFAULT_LOCALE, PRODUCT_NAME, duration, type Locale } from '../notifications/templates/locale.js';
import type { RenderedEmail } from '../notifications/templates/emails.js';
import type { StaffRole } from '../policies/actor.js';

export interface JoinStructureEmailParams {
  locale?: Locale;
  /** The invitation page, where the invitee (signed in) accepts. */
  link: string;
  structureName: string;
  role: StaffRole;
  expiresInHours: number;
}

/**
 * To someone who already has an account and was invited into another structure (AUTHZ-4): nothing
 * changes until they accept from the link, signed in with their usual password and code.
 */
export function joinStructureEmail({
  locale = DEFAULT_LOCALE,
  link,
  structureName,
  role,
  expiresInHours,
}: JoinStructureEmailParams): RenderedEmail {
  const expiry = duration(expiresInHours, 'hour', locale);
  const body =
    locale === 'en'
      ? {
          locale,
          title: `Join ${structureName} on ${PRODUCT_NAME}`,
          paragraphs: [
            `You have been invited to join ${structureName} on ${PRODUCT_NAME} as ${role === 'admin' ? 'an administrator' : 'a referent'}.`,
            `Open the link, sign in with your usual password and verification code, and confirm. Nothing changes until you accept. This link works once and expires in ${expiry}.`,
          ],
          action: { label: 'See the invitation', link },
          linkHint: 'If the button does not work, copy this address into your browser:',
          footer: 'If you do not know this structure, ignore this e-mail: you will not be added.',
        }
      : {
          locale,
          title: `Rejoignez ${structureName} sur ${PRODUCT_NAME}`,
          paragraphs: [
            `Vous êtes invité·e à rejoindre la structure ${structureName} sur ${PRODUCT_NAME} ${role === 'admin' ? "en tant qu'administrateur·rice" : 'en tant que référent·e'}.`,
            `Ouvrez le lien, connectez-vous avec votre mot de passe et votre code de vérification habituels, puis confirmez. Rien ne change tant que vous n'avez pas accepté. Ce lien ne sert qu'une fois et expire dans ${expiry}.`,
          ],
          action: { label: "Voir l'invitation", link },
          linkHint: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
          footer: 'Si vous ne connaissez pas cette structure, ignorez ce message : vous ne serez pas ajouté·e.',
        };
  const subject =
    locale === 'en'
      ? `Invitation to join ${structureName} on ${PRODUCT_NAME}`
      : `Invitation à rejoindre ${structureName} sur ${PRODUCT_NAME}`;
  return { subject, text: renderText(body), html: renderHtml(body) };
}
