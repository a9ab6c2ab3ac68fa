import { AuditEventEntity, AuditHeadEntity } from './audit/audit-event.entity.js';
import { SessionEntity } from './auth/session.entity.js';
import {
  AuthRateEventEntity,
  BeneficiaryLoginFailureEntity,
  OtpCodeEntity,
  SmsDailyCounterEntity,
} from './auth/sms-login.entity.js';
import { EmergencyCodeEntity, FollowMatchEntity } from './beneficiaries/beneficiary-account.entity.js';
import { BeneficiaryEntity, FollowEntity } from './beneficiaries/beneficiary.entity.js';
import {
  StaffMemberEntity,
  StaffMembershipEntity,
  StaffRecoveryCodeEntity,
  StaffTokenEntity,
} from './staff/staff.entity.js';
import { StructureEntity } from './structures/structure.entity.js';
import { DocumentTypeEntity } from './document-types/document-type.entity.js';
import { DocumentEntity, DocumentUploadEntity } from './documents/document.entity.js';

/** Every entity the DataSource knows; each lives in its domain folder. */
export const entities = [
  StructureEntity,
  StaffMemberEntity,
  StaffMembershipEntity,
  StaffRecoveryCodeEntity,
  StaffTokenEntity,
  BeneficiaryEntity,
  FollowEntity,
  SessionEntity,
  OtpCodeEntity,
  AuthRateEventEntity,
  SmsDailyCounterEntity,
  BeneficiaryLoginFailureEntity,
  EmergencyCodeEntity,
  FollowMatchEntity,
  AuditEventEntity,
  AuditHeadEntity,
  DocumentTypeEntity,
  DocumentEntity,
  DocumentUploadEntity,
];
