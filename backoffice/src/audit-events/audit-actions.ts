import type { AuditAction } from '../providers/api-types';

/**
 * Every action the audit log knows (the type comes from the OpenAPI document, so a new action on
 * the server fails the type check here until it has a label).
 */
const actions: Record<AuditAction, true> = {
  'staff.login': true,
  'staff.mfa': true,
  'staff.logout': true,
  'staff.locked': true,
  'staff.invited': true,
  'staff.invitation_accepted': true,
  'staff.mfa_enrolled': true,
  'staff.password_reset_requested': true,
  'staff.password_reset': true,
  'staff.role_changed': true,
  'staff.deactivated': true,
  'staff.reactivated': true,
  'staff.removed': true,
  'staff.access_denied': true,
  'structure.created': true,
  'structure.updated': true,
  'structure.archived': true,
  'beneficiary.created': true,
  'beneficiary.updated': true,
  'beneficiary.viewed': true,
  'beneficiary.follow_requested': true,
  'beneficiary.follow_answered': true,
  'beneficiary.unfollowed': true,
  'beneficiary.otp_sent': true,
  'beneficiary.login': true,
  'beneficiary.login_failed': true,
  'beneficiary.locked': true,
  'beneficiary.unlocked': true,
  'beneficiary.phone_changed': true,
  'beneficiary.emergency_card_issued': true,
  'beneficiary.emergency_code_used': true,
  'beneficiary.logout': true,
  'session.revoked': true,
  'sms.budget_exhausted': true,
  'document.uploaded': true,
  'document.deposited': true,
  'document.viewed': true,
  'document.downloaded': true,
  'document.updated': true,
  'document.shared': true,
  'document.unshared': true,
  'document.deleted': true,
  'document.restored': true,
  'document.purged': true,
  'document.integrity_failed': true,
  'vault.exported': true,
  'document_type.created': true,
  'document_type.updated': true,
};

export const auditActionChoices = Object.keys(actions).map((id) => ({
  id,
  name: `resources.audit-events.actions.${id.replace('.', '_')}`,
}));

export const actionLabelKey = (action: string) => `resources.audit-events.actions.${action.replace('.', '_')}`;
