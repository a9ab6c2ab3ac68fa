import { describe, expect, it } from 'vitest';
import { isValidSiret } from './siret.js';

describe('SIRET check', () => {
  it('accepts real SIRETs whose Luhn checksum is valid', () => {
    expect(isValidSiret('21690123100011')).toBe(true);
    expect(isValidSiret('73282932000074')).toBe(true);
  });

  it('refuses a wrong checksum, letters and wrong lengths', () => {
    expect(isValidSiret('21690123100012')).toBe(false);
    expect(isValidSiret('2169012310001A')).toBe(false);
    expect(isValidSiret('2169012310001')).toBe(false);
    expect(isValidSiret('216901231000111')).toBe(false);
  });

  it('applies the La Poste rule (sum of digits multiple of 5) to SIREN 356000000', () => {
    expect(isValidSiret('35600000000048')).toBe(true);
    expect(isValidSiret('35600000000010')).toBe(true);
    expect(isValidSiret('35600000000011')).toBe(false);
  });
});
