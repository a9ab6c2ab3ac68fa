import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { createSession } from '../../src/auth/session.service.js';
import { sessionCookieName } from '../../src/auth/session-cookie.js';
import {
  BeneficiaryEntity,
  FollowEntity,
  type Beneficiary,
  type Follow,
} from '../../src/beneficiaries/beneficiary.entity.js';
import type { StaffRole } from '../../src/policies/actor.js';
import { StaffMemberEntity, StaffMembershipEntity, type StaffMember } from '../../src/staff/staff.entity.js';
import { createStructure } from '../../src/structures/structure.service.js';
import type { Structure } from '../../src/structures/structure.entity.js';
import { TEST_ORIGIN, type TestContext } from './test-context.js';

/**
 * Fixtures built through the real persistence (no mocks): each returns the stored record.
 * Sessions are opened with the real session service, so an agent from `signIn` is exactly what a
 * browser holds after logging in.
 */

let counter = 0;
const next = () => ++counter;

export function makeStructure(ctx: TestContext, overrides: Partial<Structure> = {}): Promise<Structure> {
  return createStructure(ctx.deps.db.manager, ctx.clock, { name: `Structure ${next()}`, kind: 'ccas', ...overrides });
}

export async function makeStaff(
  ctx: TestContext,
  options: { structure?: Structure; role?: StaffRole; platformAdmin?: boolean; email?: string } = {},
): Promise<StaffMember> {
  const now = ctx.clock.now();
  const member: StaffMember = {
    id: randomUUID(),
    email: options.email ?? `agent${next()}@structure.example`,
    displayName: `Agent ${counter}`,
    passwordHash: null,
    totpSecret: null,
    mfaEnrolledAt: now,
    platformAdmin: options.platformAdmin ?? false,
    locale: 'fr',
    failedLogins: 0,
    lockedUntil: null,
    deactivatedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.deps.db.getRepository(StaffMemberEntity).insert(member);
  if (options.structure) {
    await ctx.deps.db.getRepository(StaffMembershipEntity).insert({
      id: randomUUID(),
      staffId: member.id,
      structureId: options.structure.id,
      role: options.role ?? 'referent',
      deactivatedAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  return member;
}

export async function makeBeneficiary(
  ctx: TestContext,
  options: { followedBy?: Structure[]; overrides?: Partial<Beneficiary> } = {},
): Promise<Beneficiary> {
  const now = ctx.clock.now();
  const n = next();
  const beneficiary: Beneficiary = {
    id: randomUUID(),
    firstName: 'Camille',
    lastName: `Martin${n}`,
    birthDate: '1980-04-12',
    phone: `+3361${String(n).padStart(7, '0')}`,
    email: null,
    locale: 'fr',
    lockedAt: null,
    lockReason: null,
    createdByStructureId: options.followedBy?.[0]?.id ?? null,
    createdAt: now,
    updatedAt: now,
    ...options.overrides,
  };
  await ctx.deps.db.getRepository(BeneficiaryEntity).insert(beneficiary);
  for (const structure of options.followedBy ?? []) await makeFollow(ctx, structure, beneficiary);
  return beneficiary;
}

export async function makeFollow(
  ctx: TestContext,
  structure: Structure,
  beneficiary: Beneficiary,
  status: Follow['status'] = 'active',
): Promise<Follow> {
  const now = ctx.clock.now();
  const follow: Follow = {
    id: randomUUID(),
    structureId: structure.id,
    beneficiaryId: beneficiary.id,
    status,
    requestedByStaffId: null,
    consentChannel: 'creation',
    endedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.deps.db.getRepository(FollowEntity).insert(follow);
  return follow;
}

/** An HTTP client holding a live session cookie, as after a real login. */
export async function signIn(
  ctx: TestContext,
  who: { staff: StaffMember; structure?: Structure } | { beneficiary: Beneficiary; trustedDevice?: boolean },
): Promise<supertest.Agent> {
  const { token } =
    'staff' in who
      ? await createSession(
          ctx.deps.db.manager,
          ctx.clock,
          { subjectKind: 'staff', staffId: who.staff.id, stage: 'active' },
          'test',
        )
      : await createSession(
          ctx.deps.db.manager,
          ctx.clock,
          { subjectKind: 'beneficiary', beneficiaryId: who.beneficiary.id, trustedDevice: who.trustedDevice ?? false },
          'test',
        );
  const agent = supertest
    .agent(ctx.app)
    .set('Origin', TEST_ORIGIN)
    .set('Cookie', `${sessionCookieName(ctx.deps.config)}=${token}`);
  if ('staff' in who && who.structure) agent.set('X-Structure-Id', who.structure.id);
  return agent;
}
