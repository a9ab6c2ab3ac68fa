/** `+33612345678` → `06 12 34 56 78` (French numbers as people read them); anything else unchanged. */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const match = /^\+33(\d{9})$/.exec(phone);
  if (!match?.[1]) return phone;
  return `0${match[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}
