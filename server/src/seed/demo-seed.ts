import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoBeneficiary, demoPapers, demoPassword, demoStaff, demoStructure } from '@consigne/database/seeds/demo';
import { BeneficiaryEntity, FollowEntity } from '../beneficiaries/beneficiary.entity.js';
import type { Deps } from '../deps.js';
import { createDocumentFromFile } from '../documents/document-store.js';
import { hashPassword } from '../staff/passwords.js';
import { StaffMemberEntity, StaffMembershipEntity } from '../staff/staff.entity.js';
import { encryptTotpSecret } from '../staff/totp.js';
import { createStructure, findStructureByName } from '../structures/structure.service.js';
import { writeSpecimen } from './specimen-files.js';

export interface DemoSummary {
  created: boolean;
  describe(): string[];
}

/**
 * Seeds the demo on first run only: a second start finds the demo structure and changes nothing.
 * Accounts are written directly (they are enrolled already: no invitation, no SMS).
 */
export async function seedDemo(deps: Deps): Promise<DemoSummary> {
  const passwordHash = await hashPassword(demoPassword);
  const beneficiaryId = await deps.db.transaction(async (em) => {
    if (await findStructureByName(em, demoStructure.name)) return null;
    const now = deps.clock.now();
    const structure = await createStructure(em, deps.clock, demoStructure);
    for (const person of demoStaff) {
      const staffId = randomUUID();
      await em.getRepository(StaffMemberEntity).insert({
        id: staffId,
        email: person.email,
        displayName: person.displayName,
        passwordHash,
        totpSecret: encryptTotpSecret(deps.config.SECRET_KEY, person.totpSecret),
        mfaEnrolledAt: now,
        platformAdmin: false,
        locale: 'fr',
        failedLogins: 0,
        lockedUntil: null,
        deactivatedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.getRepository(StaffMembershipEntity).insert({
        id: randomUUID(),
        staffId,
        structureId: structure.id,
        role: person.role,
        deactivatedAt: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    const id = randomUUID();
    await em.getRepository(BeneficiaryEntity).insert({
      id,
      ...demoBeneficiary,
      email: null,
      lockedAt: null,
      lockReason: null,
      createdByStructureId: structure.id,
      createdAt: now,
      updatedAt: now,
    });
    await em.getRepository(FollowEntity).insert({
      id: randomUUID(),
      structureId: structure.id,
      beneficiaryId: id,
      status: 'active',
      requestedByStaffId: null,
      consentChannel: 'creation',
      endedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    return id;
  });
  if (beneficiaryId) await seedPapers(deps, beneficiaryId);
  const created = beneficiaryId !== null;
  return {
    created,
    describe: () => [
      `Démo${created ? ' (créée à ce démarrage)' : ''} — structure « ${demoStructure.name} » :`,
      ...demoStaff.map(
        (p) =>
          `  ${p.role === 'admin' ? 'Admin de structure' : 'Référente'} : ${p.email} / ${demoPassword} (TOTP : ${p.totpSecret})`,
      ),
      '  Code TOTP du moment : npm run cli -- demo:totp',
      `  Bénéficiaire : ${demoBeneficiary.phone.replace('+33', '0')} — le code SMS arrive dans la boîte d'envoi de développement`,
      `  Ses papiers : ${demoPapers.map((p) => `${p.title} (${p.visibility === 'shared' ? 'partagé' : 'privé'})`).join(', ')}`,
    ],
  };
}

/** The specimen papers go through the real upload pipeline (checks, encryption, audit). */
async function seedPapers(deps: Deps, beneficiaryId: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'consigne-demo-'));
  try {
    for (const [index, paper] of demoPapers.entries()) {
      await createDocumentFromFile(deps, {
        beneficiaryId,
        path: await writeSpecimen(dir, index, paper),
        title: paper.title,
        typeCode: paper.typeCode,
        visibility: paper.visibility,
        ...('issueDate' in paper ? { issueDate: paper.issueDate } : {}),
        ...('expiryDate' in paper ? { expiryDate: paper.expiryDate } : {}),
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
