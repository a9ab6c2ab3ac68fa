/**
 * A SIRET is 14 digits whose Luhn checksum is valid. La Poste's establishments (SIREN 356 000 000)
 * are the documented exception: the sum of their digits may be a multiple of 5 instead.
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  const digits = [...siret].map(Number);
  const laPoste = siret.startsWith('356000000') && digits.reduce((sum, d) => sum + d, 0) % 5 === 0;
  const sum = digits.reduce((total, digit, index) => {
    // From the right, every second digit is doubled: with 14 digits those are the even indexes.
    if (index % 2 === 1) return total + digit;
    const doubled = digit * 2;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return sum % 10 === 0 || laPoste;
}
