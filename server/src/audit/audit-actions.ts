/**
 * Every kind of audited operation (LOG-1). Adding an operation means adding its name here, so the
 * trace views and the back-office filters know the full list.
 */
export const auditActions = [
  // staff accounts and sessions
  'staff.login',
  'staff.mfa',
  'staff.logout',
  'staff.locked',
  'staff.invited',
  'staff.invitation_accepted',
  'staff.mfa_enrolled',
  'staff.password_reset_requested',
  'staff.password_reset',
  'staff.role_changed',
  'staff.deactivated',
  'staff.reactivated',
  'staff.removed',
  'staff.access_denied',
  // structures
  'structure.created',
  'structure.updated',
  'structure.archived',
  // beneficiaries and their accounts
  'beneficiary.created',
  'beneficiary.updated',
  'beneficiary.viewed',
  'beneficiary.follow_requested',
  'beneficiary.follow_answered',
  'beneficiary.unfollowed',
  'beneficiary.otp_sent',
  'beneficiary.login',
  'beneficiary.login_failed',
  'beneficiary.locked',
  'beneficiary.unlocked',
  'beneficiary.phone_changed',
  'beneficiary.emergency_card_issued',
  'beneficiary.emergency_code_used',
  'beneficiary.logout',
  'session.revoked',
  'sms.budget_exhausted',
  // papers
  'document.uploaded',
  'document.deposited',
  'document.viewed',
  'document.downloaded',
  'document.updated',
  'document.shared',
  'document.unshared',
  'document.deleted',
  'document.restored',
  'document.purged',
  'document.integrity_failed',
  'vault.exported',
  'document_type.updated',
  'document_type.created',
] as const;

export type AuditAction = (typeof auditActions)[number];
