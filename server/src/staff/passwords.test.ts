import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords.js';
import { assertAcceptablePassword } from './passwords.js';

describe('password policy (STAFF-2)', () => {
  it('counts characters, not bytes: 12 accented characters are enough', () => {
    expect(() => assertAcceptablePassword('éléphant été')).not.toThrow();
    expect(() => assertAcceptablePassword('éléphant ét')).toThrow(/12 caractères/);
  });

  it('has no composition rules: lower-case words pass', () => {
    expect(() => assertAcceptablePassword('cheval batterie agrafe')).not.toThrow();
  });

  it('refuses listed passwords whatever their case, and trivial patterns', () => {
    expect(isCommonPassword('MotDePasse123')).toBe(true);
    expect(isCommonPassword('azertyuiop123')).toBe(true);
    expect(isCommonPassword('abcabcabcabc')).toBe(true);
    expect(isCommonPassword('123456789012')).toBe(true);
    expect(isCommonPassword('zyxwvutsrqpo')).toBe(true);
    expect(isCommonPassword('cheval batterie agrafe')).toBe(false);
  });
});
