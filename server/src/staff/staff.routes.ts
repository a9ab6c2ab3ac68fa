import type { EntityManager } from 'typeorm';
import { notFound } from '../http/errors.js';
import { StaffMemberEntity } from './staff.entity.js';
import { defineRoute, type HandlerContext } from '../http/route.js';
import { actingStructureId } from '../policies/records.js';
import { StructureEntity } from '../structures/structure.entity.js';
import { presentStaffRow } from './staff.presenter.js';
import {
  invitationRequestedSchema,
  inviteStaffBody,
  listStaffQuery,
  staffIdParams,
  staffListSchema,
  staffMemberSchema,
  updateStaffMemberBody,
} from './staff.schemas.js';
import {
  assertNotSelf,
  changeRole,
  deactivateMembership,
  findStaffRow,
  inviteToStructure,
  listStaffOf,
  reactivateMembership,
  removeMembership,
  sendInvitationMail,
  type StaffRow,
} from './staff.service.js';

const tags = ['staff'];
type Ctx = HandlerContext<{ staffId: string }, unknown, unknown>;

/** The signed-in staff member's id (the `staff.manage` policy let only staff through). */
const selfId = (ctx: Pick<Ctx, 'actor'>) => (ctx.actor.kind === 'staff' ? ctx.actor.staffId : '');

/**
 * Runs `work` in a transaction on a staff member of the admin's own structure, or answers 404
 * (AUTHZ-2/7). An attempt on anyone else is audited as `staff.access_denied` first, in a
 * transaction of its own since the request's work stops there.
 */
async function withStaffOfMyStructure<T>(ctx: Ctx, work: (em: EntityManager, row: StaffRow) => Promise<T>): Promise<T> {
  const structureId = actingStructureId(ctx.actor);
  if (!(await findStaffRow(ctx.deps.db.manager, structureId, ctx.params.staffId))) {
    await ctx.deps.db.transaction((em) =>
      ctx.audit(em, {
        action: 'staff.access_denied',
        result: 'denied',
        targetType: 'staff',
        targetId: ctx.params.staffId,
        details: { reason: 'not_in_structure' },
      }),
    );
    throw notFound();
  }
  return ctx.deps.db.transaction(async (em) => {
    const row = await findStaffRow(em, structureId, ctx.params.staffId);
    if (!row) throw notFound();
    return work(em, row);
  });
}

const target = (row: Pick<StaffRow, 'member'>) => ({ targetType: 'staff', targetId: row.member.id });

export const staffRoutes = [
  defineRoute({
    method: 'get',
    path: '/staff',
    operationId: 'listStaff',
    summary: "The staff of the admin's structure, with their role and status.",
    tags,
    policy: 'staff.manage',
    query: listStaffQuery,
    responses: { 200: { description: 'A page of staff members', schema: staffListSchema } },
    handler: async ({ deps, actor, query }) => {
      const { rows, total } = await listStaffOf(deps.db.manager, actingStructureId(actor), query);
      return { data: rows.map(presentStaffRow), total };
    },
  }),

  defineRoute({
    method: 'post',
    path: '/staff/invitations',
    operationId: 'inviteStaff',
    summary: "Invite someone into the admin's structure with a role (72-hour single-use e-mail link).",
    description:
      'A new address gets an account to enrol. An existing account is never added directly: it gets a ' +
      '"join this structure" link and becomes a member once it accepts (joinStructure). The answer is ' +
      'the same whatever the address, so it does not tell whether someone has an account.',
    tags,
    policy: 'staff.manage',
    body: inviteStaffBody,
    status: 202,
    responses: {
      202: { description: 'Invitation requested', schema: invitationRequestedSchema },
      403: { description: 'Inviting oneself (self_invitation_forbidden)' },
      409: { description: 'Already a member of this structure' },
    },
    handler: async ({ deps, actor, body, ...ctx }) => {
      const { outcome, structure } = await deps.db.transaction(async (em) => {
        const structure = await em.getRepository(StructureEntity).findOneByOrFail({ id: actingStructureId(actor) });
        const inviter = await em.getRepository(StaffMemberEntity).findOneByOrFail({ id: selfId({ actor }) });
        const outcome = await inviteToStructure(em, deps.clock, structure, body, inviter);
        // Details stay the same whatever the address (the trail is readable by the structure's admins).
        await ctx.audit(em, { action: 'staff.invited', ...target(outcome), details: { role: body.role } });
        return { outcome, structure };
      });
      sendInvitationMail(deps, outcome, structure, body.role);
      return { status: 'invited' as const };
    },
  }),

  defineRoute({
    method: 'patch',
    path: '/staff/:staffId',
    operationId: 'updateStaffMember',
    summary: "Change the role of a staff member of the admin's structure.",
    tags,
    policy: 'staff.manage',
    params: staffIdParams,
    body: updateStaffMemberBody,
    responses: {
      200: { description: 'The staff member', schema: staffMemberSchema },
      403: { description: 'Acting on oneself (self_change_forbidden), or a platform admin made referent' },
      409: { description: 'Would leave the structure without an active admin' },
    },
    handler: (ctx) =>
      withStaffOfMyStructure(ctx, async (em, row) => {
        assertNotSelf(selfId(ctx), row);
        const updated = await changeRole(em, ctx.deps.clock, row, ctx.body.role);
        if (updated.membership.role !== row.membership.role)
          await ctx.audit(em, {
            action: 'staff.role_changed',
            ...target(row),
            details: { from: row.membership.role, to: updated.membership.role },
          });
        return presentStaffRow(updated);
      }),
  }),

  defineRoute({
    method: 'post',
    path: '/staff/:staffId/deactivate',
    operationId: 'deactivateStaffMember',
    summary: 'Deactivate a staff member in this structure; all their sessions end at once (SESS-4).',
    tags,
    policy: 'staff.manage',
    params: staffIdParams,
    responses: {
      200: { description: 'The staff member', schema: staffMemberSchema },
      403: { description: 'Acting on oneself (self_change_forbidden)' },
      409: { description: 'Would leave the structure without an active admin' },
    },
    handler: (ctx) =>
      withStaffOfMyStructure(ctx, async (em, row) => {
        assertNotSelf(selfId(ctx), row);
        const { row: updated, sessionsEnded } = await deactivateMembership(em, ctx.deps.clock, row);
        await ctx.audit(em, { action: 'staff.deactivated', ...target(row), details: { sessionsEnded } });
        return presentStaffRow(updated);
      }),
  }),

  defineRoute({
    method: 'post',
    path: '/staff/:staffId/reactivate',
    operationId: 'reactivateStaffMember',
    summary: 'Give a deactivated staff member their access to this structure back.',
    tags,
    policy: 'staff.manage',
    params: staffIdParams,
    responses: { 200: { description: 'The staff member', schema: staffMemberSchema } },
    handler: (ctx) =>
      withStaffOfMyStructure(ctx, async (em, row) => {
        const updated = await reactivateMembership(em, ctx.deps.clock, row);
        if (row.membership.deactivatedAt) await ctx.audit(em, { action: 'staff.reactivated', ...target(row) });
        return presentStaffRow(updated);
      }),
  }),

  defineRoute({
    method: 'delete',
    path: '/staff/:staffId',
    operationId: 'removeStaffMember',
    summary: 'Remove a staff member from this structure; all their sessions end at once (SESS-4).',
    tags,
    policy: 'staff.manage',
    params: staffIdParams,
    responses: {
      204: { description: 'Removed' },
      403: { description: 'Acting on oneself (self_change_forbidden)' },
      409: { description: 'Would leave the structure without an active admin' },
    },
    handler: (ctx) =>
      withStaffOfMyStructure(ctx, async (em, row) => {
        assertNotSelf(selfId(ctx), row);
        const sessionsEnded = await removeMembership(em, ctx.deps.clock, row);
        await ctx.audit(em, {
          action: 'staff.removed',
          ...target(row),
          details: { role: row.membership.role, sessionsEnded },
        });
        return undefined;
      }),
  }),
];
