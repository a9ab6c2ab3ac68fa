import { randomUUID } from 'node:crypto';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { deleteSessionsOf } from '../auth/session.service.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Deps } from '../deps.js';
import { conflict, forbidden, gone, notFound } from '../http/errors.js';
import { invitationEmail } from '../notifications/templates/emails.js';
import type { Locale } from '../notifications/templates/locale.js';
import type { StaffRole } from '../policies/actor.js';
import { HOUR, type Clock } from '../shared/clock.js';
import { StructureEntity, type Structure } from '../structures/structure.entity.js';
import { containsPattern, offsetOf } from './list-query.js';
import { joinStructureEmail } from './staff-emails.js';
import {
  StaffMemberEntity,
  StaffMembershipEntity,
  StaffTokenEntity,
  type StaffMember,
  type StaffMembership,
  type StaffToken,
  type StaffTokenPurpose,
} from './staff.entity.js';

/** STAFF-5. */
export const INVITATION_TTL_MS = 72 * HOUR;
export const PASSWORD_RESET_TTL_MS = 1 * HOUR;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const isEnrolled = (member: StaffMember) => member.passwordHash !== null && member.mfaEnrolledAt !== null;

export type StaffStatus = 'active' | 'invited' | 'deactivated';

export const statusOf = (member: StaffMember, membership: StaffMembership): StaffStatus =>
  membership.deactivatedAt ? 'deactivated' : isEnrolled(member) ? 'active' : 'invited';

// ---------------------------------------------------------------------------------------------
// One-time links (invitations, password resets)
// ---------------------------------------------------------------------------------------------

/**
 * A new single-use link for a staff member (STAFF-5): 256-bit token, only its SHA-256 stored.
 * Earlier unused links of the same purpose stop working, so only the latest mail is valid; for
 * invitations only those to the SAME structure (another structure's pending invitation stays valid).
 */
export async function issueStaffToken(
  em: EntityManager,
  clock: Clock,
  input: { staffId: string; purpose: StaffTokenPurpose; structureId?: string | null; role?: StaffRole | null },
): Promise<{ token: string; record: StaffToken }> {
  const now = clock.now();
  const tokens = em.getRepository(StaffTokenEntity);
  await tokens.update(
    {
      staffId: input.staffId,
      purpose: input.purpose,
      usedAt: IsNull(),
      ...(input.purpose === 'invitation' ? { structureId: input.structureId ?? IsNull() } : {}),
    },
    { usedAt: now },
  );
  const token = newToken();
  const ttl = input.purpose === 'invitation' ? INVITATION_TTL_MS : PASSWORD_RESET_TTL_MS;
  const record: StaffToken = {
    id: randomUUID(),
    staffId: input.staffId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    structureId: input.structureId ?? null,
    role: input.role ?? null,
    expiresAt: new Date(now.getTime() + ttl),
    usedAt: null,
    createdAt: now,
  };
  await tokens.insert(record);
  return { token, record };
}

const LINK_MESSAGES = {
  invitation: {
    missing: "Ce lien d'invitation n'est pas valide. Vérifiez que vous avez copié l'adresse en entier.",
    used: "Ce lien d'invitation a déjà servi. Connectez-vous, ou demandez une nouvelle invitation à l'administrateur de votre structure.",
    expired:
      "Ce lien d'invitation a expiré (il est valable 72 heures). Demandez une nouvelle invitation à l'administrateur de votre structure.",
  },
  password_reset: {
    missing: "Ce lien de réinitialisation n'est pas valide. Vérifiez que vous avez copié l'adresse en entier.",
    used: 'Ce lien de réinitialisation a déjà servi. Faites une nouvelle demande depuis la page de connexion.',
    expired:
      'Ce lien de réinitialisation a expiré (il est valable 1 heure). Faites une nouvelle demande depuis la page de connexion.',
  },
} as const;

/** The live link behind a token with its staff member, or a clear French error (404 / 410). */
export async function findUsableToken(
  em: EntityManager,
  clock: Clock,
  token: string,
  purpose: StaffTokenPurpose,
): Promise<{ record: StaffToken; member: StaffMember }> {
  const messages = LINK_MESSAGES[purpose];
  const record = await em.getRepository(StaffTokenEntity).findOneBy({ tokenHash: hashToken(token), purpose });
  const member = record && (await em.getRepository(StaffMemberEntity).findOneBy({ id: record.staffId }));
  if (!record || !member || member.deactivatedAt) throw notFound(`${purpose}_not_found`, messages.missing);
  if (record.usedAt) throw gone(`${purpose}_used`, messages.used);
  if (record.expiresAt <= clock.now()) throw gone(`${purpose}_expired`, messages.expired);
  return { record, member };
}

/** Marks a link used exactly once, even under concurrent requests; the loser gets the "already used" error. */
export async function consumeToken(em: EntityManager, clock: Clock, record: StaffToken): Promise<void> {
  const result = await em
    .getRepository(StaffTokenEntity)
    .update({ id: record.id, usedAt: IsNull() }, { usedAt: clock.now() });
  if (!result.affected) {
    const purpose = record.purpose;
    throw gone(`${purpose}_used`, LINK_MESSAGES[purpose].used);
  }
}

// ---------------------------------------------------------------------------------------------
// Invitations
// ---------------------------------------------------------------------------------------------

export interface InviteInput {
  email: string;
  displayName: string;
  locale: Locale;
  role: StaffRole;
}

/**
 * What an invitation did. `enrol`: a link to create the account (new address, or an account not
 * enrolled yet); `join`: a link for an enrolled account to accept joining the structure; `none`:
 * nothing sent (deactivated account). The HTTP answer is the same in every case (no enumeration).
 */
export type InvitationOutcome =
  { kind: 'enrol' | 'join'; member: StaffMember; token: string } | { kind: 'none'; member: StaffMember; token: null };

async function insertMember(
  em: EntityManager,
  clock: Clock,
  input: { email: string; displayName: string; locale: Locale; platformAdmin: boolean },
): Promise<StaffMember> {
  const now = clock.now();
  const member: StaffMember = {
    id: randomUUID(),
    email: normaliseEmail(input.email),
    displayName: input.displayName,
    passwordHash: null,
    totpSecret: null,
    mfaEnrolledAt: null,
    lastTotpStep: null,
    platformAdmin: input.platformAdmin,
    locale: input.locale,
    failedLogins: 0,
    lockedUntil: null,
    deactivatedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await em.getRepository(StaffMemberEntity).insert(member);
  return member;
}

async function insertMembership(
  em: EntityManager,
  clock: Clock,
  input: { staffId: string; structureId: string; role: StaffRole },
): Promise<StaffMembership> {
  const now = clock.now();
  const membership: StaffMembership = {
    id: randomUUID(),
    ...input,
    deactivatedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await em.getRepository(StaffMembershipEntity).insert(membership);
  return membership;
}

export const selfInvitationForbidden = () =>
  forbidden('self_invitation_forbidden', 'Vous ne pouvez pas vous inviter vous-même dans une structure.');

export const platformAdminReferentForbidden = () =>
  forbidden(
    'platform_admin_referent_forbidden',
    "Un compte d'administrateur de la plateforme ne peut pas être référent d'une structure.",
  );

/**
 * Invites someone into a structure with a role (AUTHZ-4, SESS-4). Only a NEW address gets an
 * account and a membership at once (status "invited", enrolment link). An existing account, enrolled
 * or not, is never attached without its consent: it gets a pending invitation (a single-use link to
 * this structure) and the membership is created when the invitee accepts (enrolment or `joinStructure`).
 * Nothing in the outcome may reach the inviter: the answer does not depend on the address's status.
 */
export async function inviteToStructure(
  em: EntityManager,
  clock: Clock,
  structure: Structure,
  input: InviteInput,
  inviter: { email: string },
): Promise<InvitationOutcome> {
  if (structure.archivedAt) throw conflict('structure_archived', 'Cette structure est archivée.');
  const email = normaliseEmail(input.email);
  if (email === normaliseEmail(inviter.email)) throw selfInvitationForbidden();
  const members = em.getRepository(StaffMemberEntity);
  const memberships = em.getRepository(StaffMembershipEntity);
  const invitation = { purpose: 'invitation', structureId: structure.id, role: input.role } as const;

  const existing = await members.findOneBy({ email });
  if (!existing) {
    const member = await insertMember(em, clock, { ...input, platformAdmin: false });
    await insertMembership(em, clock, { staffId: member.id, structureId: structure.id, role: input.role });
    const { token } = await issueStaffToken(em, clock, { staffId: member.id, ...invitation });
    return { kind: 'enrol', member, token };
  }
  if (existing.deactivatedAt) return { kind: 'none', member: existing, token: null };

  // Already in this structure: the admin sees them in their own list, so saying so reveals nothing.
  const membership = await memberships.findOneBy({ staffId: existing.id, structureId: structure.id });
  if (membership?.deactivatedAt)
    throw conflict(
      'staff_deactivated',
      'Cette personne fait déjà partie de la structure mais son accès est désactivé : réactivez-la plutôt.',
    );
  if (membership && isEnrolled(existing))
    throw conflict('already_member', 'Cette personne fait déjà partie de la structure.');
  if (membership) {
    // Invited here earlier and not enrolled yet: a fresh link (this structure's only).
    await memberships.update({ id: membership.id }, { role: input.role, updatedAt: clock.now() });
    const { token } = await issueStaffToken(em, clock, { staffId: existing.id, ...invitation });
    return { kind: 'enrol', member: existing, token };
  }
  const { token } = await issueStaffToken(em, clock, { staffId: existing.id, ...invitation });
  return { kind: isEnrolled(existing) ? 'join' : 'enrol', member: existing, token };
}

/**
 * The membership an invitation grants, once its invitee accepted (end of enrolment, or
 * `joinStructure`). A platform admin never holds a referent membership (AUTHZ-4); an existing
 * active membership is kept as is.
 */
export async function grantInvitedMembership(
  em: EntityManager,
  clock: Clock,
  record: StaffToken,
  member: StaffMember,
): Promise<StaffMembership | null> {
  if (!record.structureId || !record.role) return null;
  if (member.platformAdmin && record.role === 'referent') throw platformAdminReferentForbidden();
  const structure = await em.getRepository(StructureEntity).findOneBy({ id: record.structureId });
  if (!structure || structure.archivedAt) throw conflict('structure_archived', 'Cette structure est archivée.');
  const existing = await em
    .getRepository(StaffMembershipEntity)
    .findOneBy({ staffId: member.id, structureId: record.structureId });
  if (existing?.deactivatedAt)
    throw conflict(
      'staff_deactivated',
      "Votre accès à cette structure est désactivé : adressez-vous à l'administrateur de la structure.",
    );
  return (
    existing ?? insertMembership(em, clock, { staffId: member.id, structureId: record.structureId, role: record.role })
  );
}

/** After an enrolment: the invitation links to structures the person now belongs to (or to none) stop working. */
export async function voidSettledInvitations(em: EntityManager, clock: Clock, staffId: string): Promise<void> {
  const structureIds = (await em.getRepository(StaffMembershipEntity).findBy({ staffId })).map((m) => m.structureId);
  const tokens = em.getRepository(StaffTokenEntity);
  const open = { staffId, purpose: 'invitation' as const, usedAt: IsNull() };
  await tokens.update({ ...open, structureId: IsNull() }, { usedAt: clock.now() });
  if (structureIds.length) await tokens.update({ ...open, structureId: In(structureIds) }, { usedAt: clock.now() });
}

export const invitationLink = (deps: Pick<Deps, 'config'>, token: string) =>
  `${deps.config.PUBLIC_URL}/admin/invitation/${token}`;

const localeOf = (member: StaffMember): Locale => (member.locale === 'en' ? 'en' : 'fr');

/**
 * Sends the invitation mail (enrol, or "join this structure" for an enrolled account). Started after
 * the transaction committed and not awaited by the answer, whose timing must not tell whether the
 * address has an account; a failure is logged with ids only.
 */
export function sendInvitationMail(
  deps: Pick<Deps, 'config' | 'mailer' | 'logger'>,
  outcome: InvitationOutcome,
  structure: Pick<Structure, 'id' | 'name'>,
  role: StaffRole,
): void {
  if (outcome.kind === 'none') return;
  const locale = localeOf(outcome.member);
  const params = {
    locale,
    link: invitationLink(deps, outcome.token),
    structureName: structure.name,
    expiresInHours: INVITATION_TTL_MS / HOUR,
  };
  const mail = outcome.kind === 'enrol' ? invitationEmail(params) : joinStructureEmail({ ...params, role });
  void deps.mailer
    .send({ to: outcome.member.email, ...mail })
    .catch(() =>
      deps.logger.warn({ staffId: outcome.member.id, structureId: structure.id }, 'invitation mail not sent'),
    );
}

/**
 * The first platform admin (STAFF-6), or a fresh link for an admin who has not enrolled yet.
 * Refuses an address whose account is already enrolled.
 */
export async function invitePlatformAdmin(
  em: EntityManager,
  clock: Clock,
  input: { email: string; displayName: string; locale: Locale },
): Promise<{ member: StaffMember; token: string }> {
  const members = em.getRepository(StaffMemberEntity);
  let member = await members.findOneBy({ email: normaliseEmail(input.email) });
  if (member && isEnrolled(member))
    throw conflict('already_enrolled', 'Un compte actif existe déjà pour cette adresse e-mail.');
  if (member) {
    await members.update({ id: member.id }, { platformAdmin: true, updatedAt: clock.now() });
    member = { ...member, platformAdmin: true };
  } else {
    member = await insertMember(em, clock, { ...input, platformAdmin: true });
  }
  const { token } = await issueStaffToken(em, clock, { staffId: member.id, purpose: 'invitation' });
  return { member, token };
}

// ---------------------------------------------------------------------------------------------
// Staff of one structure
// ---------------------------------------------------------------------------------------------

export interface StaffRow {
  member: StaffMember;
  membership: StaffMembership;
}

export interface StaffListQuery {
  page: number;
  perPage: number;
  q?: string | undefined;
  role?: StaffRole | undefined;
  status?: StaffStatus | undefined;
  sort: { field: 'displayName' | 'email' | 'role' | 'createdAt'; order: 'ASC' | 'DESC' };
}

export async function listStaffOf(
  em: EntityManager,
  structureId: string,
  query: StaffListQuery,
): Promise<{ rows: StaffRow[]; total: number }> {
  const qb = em
    .getRepository(StaffMembershipEntity)
    .createQueryBuilder('m')
    .innerJoin(StaffMemberEntity.options.name, 's', 's.id = m.staffId')
    .where('m.structureId = :structureId', { structureId });
  if (query.role) qb.andWhere('m.role = :role', { role: query.role });
  if (query.status === 'deactivated') qb.andWhere('m.deactivatedAt IS NOT NULL');
  if (query.status === 'active')
    qb.andWhere('m.deactivatedAt IS NULL AND s.mfaEnrolledAt IS NOT NULL AND s.passwordHash IS NOT NULL');
  if (query.status === 'invited')
    qb.andWhere('m.deactivatedAt IS NULL AND (s.mfaEnrolledAt IS NULL OR s.passwordHash IS NULL)');
  if (query.q)
    qb.andWhere("(LOWER(s.displayName) LIKE :q ESCAPE '!' OR LOWER(s.email) LIKE :q ESCAPE '!')", {
      q: containsPattern(query.q),
    });
  const column = { displayName: 's.displayName', email: 's.email', role: 'm.role', createdAt: 'm.createdAt' }[
    query.sort.field
  ];
  const [page, total] = await qb
    .orderBy(column, query.sort.order)
    .addOrderBy('m.id', 'ASC')
    .offset(offsetOf(query))
    .limit(query.perPage)
    .getManyAndCount();
  const members = page.length
    ? await em.getRepository(StaffMemberEntity).findBy({ id: In(page.map((m) => m.staffId)) })
    : [];
  const byId = new Map(members.map((m) => [m.id, m]));
  return { rows: page.map((membership) => ({ membership, member: byId.get(membership.staffId)! })), total };
}

/** A staff member of this structure (any status), or null: callers answer 404 and audit the attempt. */
export async function findStaffRow(em: EntityManager, structureId: string, staffId: string): Promise<StaffRow | null> {
  const membership = await em.getRepository(StaffMembershipEntity).findOneBy({ structureId, staffId });
  const member = membership && (await em.getRepository(StaffMemberEntity).findOneBy({ id: staffId }));
  return membership && member ? { membership, member } : null;
}

/** Refuses a change that would leave the structure without any active admin. */
async function assertAnotherActiveAdmin(em: EntityManager, row: StaffRow): Promise<void> {
  if (row.membership.role !== 'admin' || row.membership.deactivatedAt) return;
  const others = await em.getRepository(StaffMembershipEntity).countBy({
    structureId: row.membership.structureId,
    role: 'admin',
    deactivatedAt: IsNull(),
    id: Not(row.membership.id),
  });
  if (others === 0)
    throw conflict(
      'last_admin',
      "Vous êtes le dernier administrateur actif de cette structure : nommez d'abord un autre administrateur.",
    );
}

/** AUTHZ-4: nobody changes their own role or access through the staff routes (another admin must). */
export function assertNotSelf(actorStaffId: string, row: StaffRow): void {
  if (row.member.id === actorStaffId)
    throw forbidden(
      'self_change_forbidden',
      'Vous ne pouvez pas modifier votre propre rôle ni votre propre accès : demandez-le à un autre administrateur.',
    );
}

export async function changeRole(em: EntityManager, clock: Clock, row: StaffRow, role: StaffRole): Promise<StaffRow> {
  if (row.membership.role === role) return row;
  if (role === 'referent' && row.member.platformAdmin) throw platformAdminReferentForbidden();
  if (role !== 'admin') await assertAnotherActiveAdmin(em, row);
  const now = clock.now();
  await em.getRepository(StaffMembershipEntity).update({ id: row.membership.id }, { role, updatedAt: now });
  return { ...row, membership: { ...row.membership, role, updatedAt: now } };
}

/**
 * SESS-4: the person loses this structure at once — every request checks the membership named by
 * `X-Structure-Id`. Their sessions all end too, unless they still hold another active membership
 * (or are a platform admin): one structure cannot sign someone out of another one.
 */
async function endSessionsUnlessActiveElsewhere(em: EntityManager, row: StaffRow): Promise<number> {
  if (row.member.platformAdmin) return 0;
  const elsewhere = await em
    .getRepository(StaffMembershipEntity)
    .createQueryBuilder('m')
    .innerJoin(StructureEntity.options.name, 'st', 'st.id = m.structureId')
    .where('m.staffId = :staffId AND m.structureId <> :structureId', {
      staffId: row.member.id,
      structureId: row.membership.structureId,
    })
    .andWhere('m.deactivatedAt IS NULL AND st.archivedAt IS NULL')
    .getCount();
  return elsewhere ? 0 : deleteSessionsOf(em, { staffId: row.member.id });
}

/** SESS-4: the membership stops now (see `endSessionsUnlessActiveElsewhere`). Returns the sessions ended. */
export async function deactivateMembership(
  em: EntityManager,
  clock: Clock,
  row: StaffRow,
): Promise<{ row: StaffRow; sessionsEnded: number }> {
  await assertAnotherActiveAdmin(em, row);
  const now = clock.now();
  const deactivatedAt = row.membership.deactivatedAt ?? now;
  if (!row.membership.deactivatedAt)
    await em.getRepository(StaffMembershipEntity).update({ id: row.membership.id }, { deactivatedAt, updatedAt: now });
  const sessionsEnded = await endSessionsUnlessActiveElsewhere(em, row);
  return { row: { ...row, membership: { ...row.membership, deactivatedAt } }, sessionsEnded };
}

export async function reactivateMembership(em: EntityManager, clock: Clock, row: StaffRow): Promise<StaffRow> {
  if (!row.membership.deactivatedAt) return row;
  const now = clock.now();
  await em
    .getRepository(StaffMembershipEntity)
    .update({ id: row.membership.id }, { deactivatedAt: null, updatedAt: now });
  return { ...row, membership: { ...row.membership, deactivatedAt: null, updatedAt: now } };
}

/** SESS-4: removes the person from the structure, voids their pending links to it, ends their sessions (as above). */
export async function removeMembership(em: EntityManager, clock: Clock, row: StaffRow): Promise<number> {
  await assertAnotherActiveAdmin(em, row);
  await em.getRepository(StaffMembershipEntity).delete({ id: row.membership.id });
  await em
    .getRepository(StaffTokenEntity)
    .update(
      { staffId: row.member.id, structureId: row.membership.structureId, usedAt: IsNull() },
      { usedAt: clock.now() },
    );
  return endSessionsUnlessActiveElsewhere(em, row);
}
