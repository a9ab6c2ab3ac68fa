import { describe, expect, it } from 'vitest';
import { invitationEmail, passwordResetEmail } from './emails.js';

const LINK = 'https://consigne.test/invitation/9f86d081884c7d659a2feaa0c55ad015';

describe('invitation e-mail', () => {
  it('is in French by default, with the structure, the link and a 72-hour expiry in both parts', () => {
    const mail = invitationEmail({ link: LINK, structureName: 'Accueil de jour Saint-Martin', expiresInHours: 72 });

    expect(mail.subject).toBe('Invitation à rejoindre Accueil de jour Saint-Martin sur Consigne');
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Accueil de jour Saint-Martin');
      expect(body).toContain(LINK);
      expect(body).toContain('expire dans 72 heures');
    }
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain(`<a href="${LINK}"`);
    expect(mail.html).toContain('>Consigne</p>');
    expect(mail.text).toContain(`Créer mon compte\n${LINK}`);
  });

  it('is in English when asked', () => {
    const mail = invitationEmail({ locale: 'en', link: LINK, structureName: 'Day Centre', expiresInHours: 72 });

    expect(mail.subject).toBe('Your invitation to join Day Centre on Consigne');
    expect(mail.text).toContain('expires in 72 hours');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('Create my account');
  });

  it('escapes injected values in the HTML and keeps them verbatim in the plain text', () => {
    const structureName = `<img src=x onerror="alert(1)"> & 'Co'`;

    const mail = invitationEmail({ link: `${LINK}?a=1&b="2"`, structureName, expiresInHours: 72 });

    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('"alert(1)"');
    expect(mail.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;Co&#39;');
    expect(mail.html).toContain(`href="${LINK}?a=1&amp;b=%222%22"`);
    expect(mail.text).toContain(structureName);
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => invitationEmail({ link: 'javascript:alert(1)', structureName: 'A', expiresInHours: 72 })).toThrow(
      /non-http/,
    );
  });
});

describe('password reset e-mail', () => {
  it('says the link expires in 1 hour, singular, in French and English', () => {
    const fr = passwordResetEmail({ link: LINK, expiresInHours: 1 });
    const en = passwordResetEmail({ locale: 'en', link: LINK, expiresInHours: 1 });

    expect(fr.subject).toBe('Réinitialisez votre mot de passe Consigne');
    expect(fr.text).toContain('expire dans 1 heure.');
    expect(fr.html).toContain(`<a href="${LINK}"`);
    expect(en.subject).toBe('Reset your Consigne password');
    expect(en.text).toContain('expires in 1 hour.');
    expect(en.html).toContain('<html lang="en">');
  });
});
