/** Who is making a request, as resolved from their session. */
export type StaffRole = 'admin' | 'referent';

export interface StaffMembership {
  structureId: string;
  role: StaffRole;
}

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'staff';
      staffId: string;
      sessionId: string;
      platformAdmin: boolean;
      /** The structure named by the request (`X-Structure-Id`), when the staff member belongs to it. */
      membership: StaffMembership | null;
    }
  | { kind: 'beneficiary'; beneficiaryId: string; sessionId: string };

export const anonymous: Actor = Object.freeze({ kind: 'anonymous' });
