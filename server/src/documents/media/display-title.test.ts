import { describe, expect, it } from 'vitest';
import { displayTitle, MAX_TITLE_LENGTH } from './display-title.js';

describe('displayTitle', () => {
  it.each([
    ['Carte vitale recto.jpg', 'Carte vitale recto'],
    ['IMG_0001.HEIC', 'IMG_0001'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\Ma\u00efa\\Documents\\attestation CAF.pdf', 'attestation CAF'],
    ['relev\u0065\u0301.pdf', 'relev\u00e9'],
    ['facture\u202Efdp.exe', 'facturefdp'],
    ['nom\r\navec\tretours\u0000.png', 'nomavecretours'],
    ['   .pdf', 'Document'],
    ['', 'Document'],
    ['..', 'Document'],
  ])('turns %j into %j', (name, title) => {
    expect(displayTitle(name)).toBe(title);
  });

  it('caps the length in characters without cutting an emoji in half', () => {
    const title = displayTitle(`${'\u{1F4C4}'.repeat(MAX_TITLE_LENGTH + 30)}.pdf`);
    expect([...title]).toHaveLength(MAX_TITLE_LENGTH);
    expect(title).toBe('\u{1F4C4}'.repeat(MAX_TITLE_LENGTH));
  });
});
