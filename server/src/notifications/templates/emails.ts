import { renderHtml, renderText } from './html.js';
import type { EmailBody } from './html.js';
import type { Locale } from './locale.js';
import { DEFAULT_LOCALE, PRODUCT_NAME, duration } from './locale.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

function render(subject: string, body: EmailBody): RenderedEmail {
  return { subject, text: renderText(body), html: renderHtml(body) };
}

export interface InvitationEmailParams {
  locale?: Locale;
  link: string;
  structureName: string;
  /** STAFF-5: 72. */
  expiresInHours: number;
}

export function invitationEmail({
  locale = DEFAULT_LOCALE,
  link,
  structureName,
  expiresInHours,
}: InvitationEmailParams): RenderedEmail {
  const expiry = duration(expiresInHours, 'hour', locale);
  if (locale === 'en') {
    return render(`Your invitation to join ${structureName} on ${PRODUCT_NAME}`, {
      locale,
      title: `Join ${structureName} on ${PRODUCT_NAME}`,
      paragraphs: [
        `You have been invited to join ${structureName} on ${PRODUCT_NAME}, the digital vault where the people you support keep their papers.`,
        `Choose your password and set up two-step verification with the button below. This link works once and expires in ${expiry}.`,
      ],
      action: { label: 'Create my account', link },
      linkHint: 'If the button does not work, copy this address into your browser:',
      footer: 'If you were not expecting this invitation, ignore this e-mail: no account will be created.',
    });
  }
  return render(`Invitation à rejoindre ${structureName} sur ${PRODUCT_NAME}`, {
    locale,
    title: `Rejoignez ${structureName} sur ${PRODUCT_NAME}`,
    paragraphs: [
      `Vous êtes invité·e à rejoindre la structure ${structureName} sur ${PRODUCT_NAME}, le coffre-fort numérique où les personnes que vous accompagnez conservent leurs papiers.`,
      `Choisissez votre mot de passe et activez la vérification en deux étapes avec le bouton ci-dessous. Ce lien ne sert qu'une fois et expire dans ${expiry}.`,
    ],
    action: { label: 'Créer mon compte', link },
    linkHint: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
    footer: "Si vous n'attendiez pas cette invitation, ignorez ce message : aucun compte ne sera créé.",
  });
}

export interface PasswordResetEmailParams {
  locale?: Locale;
  link: string;
  /** 1 for a reset link. */
  expiresInHours: number;
}

export function passwordResetEmail({
  locale = DEFAULT_LOCALE,
  link,
  expiresInHours,
}: PasswordResetEmailParams): RenderedEmail {
  const expiry = duration(expiresInHours, 'hour', locale);
  if (locale === 'en') {
    return render(`Reset your ${PRODUCT_NAME} password`, {
      locale,
      title: 'Reset your password',
      paragraphs: [
        `Someone asked to reset the password of your ${PRODUCT_NAME} account. To choose a new one, use the button below. This link works once and expires in ${expiry}.`,
      ],
      action: { label: 'Choose a new password', link },
      linkHint: 'If the button does not work, copy this address into your browser:',
      footer: 'If you did not ask for this, ignore this e-mail: your password stays the same.',
    });
  }
  return render(`Réinitialisez votre mot de passe ${PRODUCT_NAME}`, {
    locale,
    title: 'Réinitialisez votre mot de passe',
    paragraphs: [
      `Une demande de réinitialisation du mot de passe de votre compte ${PRODUCT_NAME} a été faite. Pour en choisir un nouveau, utilisez le bouton ci-dessous. Ce lien ne sert qu'une fois et expire dans ${expiry}.`,
    ],
    action: { label: 'Choisir un nouveau mot de passe', link },
    linkHint: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
    footer: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste le même.",
  });
}
