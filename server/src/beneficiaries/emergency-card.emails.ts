import type { RenderedEmail } from '../notifications/templates/emails.js';
import { renderHtml, renderText } from '../notifications/templates/html.js';
import type { Locale } from '../notifications/templates/locale.js';
import { PRODUCT_NAME } from '../notifications/templates/locale.js';

/**
 * Told to the referents of every structure following a beneficiary when one of their emergency
 * codes opened the vault. E-mail is not a safe place for personal data: no name, no number, only a
 * link into the back-office, where the referent sees who it is after logging in.
 */
export function emergencyCodeUsedEmail({ locale, link }: { locale: Locale; link: string }): RenderedEmail {
  const body =
    locale === 'en'
      ? {
          locale,
          title: 'An emergency card was used',
          paragraphs: [
            `An emergency code just opened the vault of a person your structure supports on ${PRODUCT_NAME}.`,
            'If this seems unexpected, check with the person, issue a new emergency card and log them out everywhere.',
          ],
          action: { label: 'See the person', link },
          linkHint: 'If the button does not work, copy this address into your browser:',
          footer: 'You receive this e-mail because you are a referent of a structure following this person.',
        }
      : {
          locale,
          title: "Une carte d'urgence a été utilisée",
          paragraphs: [
            `Un code d'urgence vient d'ouvrir le coffre-fort d'une personne que votre structure accompagne sur ${PRODUCT_NAME}.`,
            'Si cela vous semble anormal, vérifiez avec la personne, faites-lui une nouvelle carte et déconnectez-la partout.',
          ],
          action: { label: 'Voir la personne', link },
          linkHint: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
          footer: "Vous recevez ce message parce que vous êtes référent·e d'une structure qui suit cette personne.",
        };
  return { subject: body.title, text: renderText(body), html: renderHtml(body) };
}
