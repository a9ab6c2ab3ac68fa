import { z } from 'zod';
import { listOf, pageQuery, sortQuery } from './list-query.js';

export const staffRole = z.enum(['admin', 'referent']);
export const locale = z.enum(['fr', 'en']);
const email = z.email().max(254);
const displayName = z.string().trim().min(1).max(120);

export const staffIdParams = z.strictObject({ staffId: z.uuid() });

/** AUTHZ-7: no structureId here — the structure is always the admin's own (`X-Structure-Id`). */
export const inviteStaffBody = z.strictObject({ email, displayName, role: staffRole, locale: locale.default('fr') });

/** The first admin of a structure, invited by the platform admin. */
export const inviteStructureAdminBody = z.strictObject({ email, displayName, locale: locale.default('fr') });

export const updateStaffMemberBody = z.strictObject({ role: staffRole });

export const listStaffQuery = z.strictObject({
  ...pageQuery,
  sort: sortQuery(['displayName', 'email', 'role', 'createdAt'], 'displayName'),
  role: staffRole.optional(),
  status: z.enum(['active', 'invited', 'deactivated']).optional(),
});

export const staffMemberSchema = z.object({
  id: z.uuid().describe('The staff member id (used in /staff/{staffId})'),
  email: z.string(),
  displayName: z.string(),
  role: staffRole,
  status: z.enum(['active', 'invited', 'deactivated']),
  locale: z.string(),
  joinedAt: z.string(),
  deactivatedAt: z.string().nullable(),
});

export const staffListSchema = listOf(staffMemberSchema);

/**
 * The answer to an invitation, the same whatever the address's status (new, existing, enrolled or
 * not, deactivated), so it never tells whether someone has an account. An existing account joins
 * only once its owner accepts from the mail.
 */
export const invitationRequestedSchema = z.object({ status: z.literal('invited') });
