import { describe, expect, it } from 'vitest';
import type { Locale } from './locale.js';
import { smsText } from './sms-texts.js';

const LINK = 'https://consigne.example.org/connexion';

// GSM 03.38 basic alphabet: one character outside it makes the SMS UCS-2 (70 characters a segment).
const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

const everySms = (locale: Locale) => [
  smsText('login-code', locale, { code: '123456', expiresInMinutes: 10 }),
  smsText('follow-consent-code', locale, { code: '123456', expiresInMinutes: 10 }),
  smsText('welcome', locale, { link: LINK }),
  smsText('phone-number-changed', locale, {}),
  smsText('emergency-card-used', locale, {}),
  smsText('emergency-card-issued', locale, {}),
];

describe('SMS texts', () => {
  it('word the login code as specified, in French and English', () => {
    expect(smsText('login-code', 'fr', { code: '123456', expiresInMinutes: 10 })).toBe(
      'Consigne : votre code est 123456. Il expire dans 10 minutes. Ne le donnez à personne.',
    );
    expect(smsText('login-code', 'en', { code: '123456', expiresInMinutes: 10 })).toBe(
      'Consigne: your code is 123456. It expires in 10 minutes. Do not share it with anyone.',
    );
  });

  it('give the service name and the link in the welcome SMS', () => {
    expect(smsText('welcome', 'fr', { link: LINK })).toMatch(
      /^Consigne : .*https:\/\/consigne\.example\.org\/connexion$/,
    );
    expect(smsText('welcome', 'en', { link: LINK })).toMatch(
      /^Consigne: .*https:\/\/consigne\.example\.org\/connexion$/,
    );
  });

  it.each(['fr', 'en'] as const)('hold nothing but the service name, a code and a link (%s, OTP-12)', (locale) => {
    for (const text of everySms(locale)) {
      expect(text).toMatch(/^Consigne ?:/);
      const rest = text.replace('123456', '').replace(LINK, '').replace('10 minutes', '');
      expect(rest).not.toMatch(/\d/);
      expect(rest).not.toContain('@');
    }
  });

  it('refuse anything but a 6-digit code, so a phone number cannot slip into an SMS', () => {
    expect(() => smsText('login-code', 'fr', { code: '+33612345678', expiresInMinutes: 10 })).toThrow(/6 digits/);
    expect(() => smsText('follow-consent-code', 'en', { code: '12345', expiresInMinutes: 10 })).toThrow(/6 digits/);
    // @ts-expect-error: an SMS has no parameter for personal data
    smsText('phone-number-changed', 'fr', { name: 'Karim' });
  });

  it.each(['fr', 'en'] as const)('fit in one GSM-7 segment (%s)', (locale) => {
    for (const text of everySms(locale)) {
      expect([...text].filter((char) => !GSM7.has(char))).toEqual([]);
      expect(text.length).toBeLessThanOrEqual(160);
    }
  });
});
