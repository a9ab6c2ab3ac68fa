import { CreateStructures1764000000000 } from './1764000000000-create-structures.js';
import { CreateStaffSessionsAudit1764000001000 } from './1764000001000-create-staff-sessions-audit.js';
import { StaffTotpLastStep1764000002000 } from './1764000002000-staff-totp-last-step.js';
import { BeneficiaryAccounts1764000003000 } from './1764000003000-beneficiary-accounts.js';
import { CreateDocuments1764000004000 } from './1764000004000-create-documents.js';

/** Every migration, in order. They use TypeORM's schema builder only, so they run on SQLite and MariaDB. */
export const migrations = [
  CreateStructures1764000000000,
  CreateStaffSessionsAudit1764000001000,
  StaffTotpLastStep1764000002000,
  BeneficiaryAccounts1764000003000,
  CreateDocuments1764000004000,
];
