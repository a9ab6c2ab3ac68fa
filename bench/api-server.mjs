// The real Consigne API in its own process (built server/dist), with bench fixtures:
// prints one JSON line {port, origin, beneficiaries:[{id, cookie}], referent:{cookie, structureId}}.
import { randomUUID } from 'node:crypto';
import { createApp } from '../server/dist/app.js';
import { createDeps } from '../server/dist/bootstrap.js';
import { loadConfig } from '../server/dist/config.js';
import { createSession } from '../server/dist/auth/session.service.js';
import { sessionCookieName } from '../server/dist/auth/session-cookie.js';
import { BeneficiaryEntity, FollowEntity } from '../server/dist/beneficiaries/beneficiary.entity.js';
import { StaffMemberEntity, StaffMembershipEntity } from '../server/dist/staff/staff.entity.js';
import { createStructure } from '../server/dist/structures/structure.service.js';

const count = Number(process.env.BENCH_BENEFICIARIES ?? 60);
const origin = 'http://127.0.0.1';
const config = loadConfig({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', PUBLIC_URL: origin });
const deps = await createDeps(config);
await deps.db.runMigrations({ transaction: 'each' });
const now = new Date();
const structure = await createStructure(deps.db.manager, deps.clock, { name: 'Bench', kind: 'ccas' });
const staffId = randomUUID();
await deps.db.getRepository(StaffMemberEntity).insert({
  id: staffId,
  email: 'bench@example.org',
  displayName: 'Bench',
  passwordHash: null,
  totpSecret: null,
  mfaEnrolledAt: now,
  platformAdmin: false,
  locale: 'fr',
  failedLogins: 0,
  lockedUntil: null,
  deactivatedAt: null,
  createdAt: now,
  updatedAt: now,
});
await deps.db.getRepository(StaffMembershipEntity).insert({
  id: randomUUID(),
  staffId,
  structureId: structure.id,
  role: 'referent',
  deactivatedAt: null,
  createdAt: now,
  updatedAt: now,
});
const cookieName = sessionCookieName(config);
const beneficiaries = [];
for (let i = 0; i < count; i++) {
  const id = randomUUID();
  await deps.db.getRepository(BeneficiaryEntity).insert({
    id,
    firstName: 'Bench',
    lastName: `B${i}`,
    birthDate: '1980-01-01',
    phone: `+3361${String(i).padStart(7, '0')}`,
    email: null,
    locale: 'fr',
    lockedAt: null,
    lockReason: null,
    createdByStructureId: structure.id,
    createdAt: now,
    updatedAt: now,
  });
  await deps.db.getRepository(FollowEntity).insert({
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
  const { token } = await createSession(
    deps.db.manager,
    deps.clock,
    { subjectKind: 'beneficiary', beneficiaryId: id, trustedDevice: true },
    'bench',
  );
  beneficiaries.push({ id, cookie: `${cookieName}=${token}` });
}
const { token } = await createSession(
  deps.db.manager,
  deps.clock,
  { subjectKind: 'staff', staffId, stage: 'active' },
  'bench',
);
const server = createApp(deps).listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(
    `${JSON.stringify({ port, origin, beneficiaries, referent: { cookie: `${cookieName}=${token}`, structureId: structure.id } })}\n`,
  );
});
server.requestTimeout = 0;
