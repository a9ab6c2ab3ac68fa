import type { Beneficiary } from './beneficiary.entity.js';

/** What a referent of a following structure sees of a beneficiary (never the entity itself). */
export const presentBeneficiary = (b: Beneficiary) => ({
  id: b.id,
  firstName: b.firstName,
  lastName: b.lastName,
  birthDate: b.birthDate,
  phone: b.phone,
  email: b.email,
  locale: b.locale,
  locked: b.lockedAt !== null,
  lockedAt: b.lockedAt?.toISOString() ?? null,
  lockReason: b.lockReason,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
});
