import { defineRoute } from '../http/route.js';
import { actingStructureId } from '../policies/records.js';
import { StaffMemberEntity } from '../staff/staff.entity.js';
import { invitationRequestedSchema, inviteStructureAdminBody } from '../staff/staff.schemas.js';
import { inviteToStructure, sendInvitationMail } from '../staff/staff.service.js';
import { presentStructure } from './structure.presenter.js';
import {
  createStructureBody,
  listStructuresQuery,
  structureIdParams,
  structureListSchema,
  structureSchema,
  updateMyStructureBody,
  updateStructureBody,
} from './structure.schemas.js';
import {
  archiveStructure,
  createStructure,
  findVisibleStructure,
  listVisibleStructures,
  updateStructure,
} from './structure.service.js';

const tags = ['structures'];

export const structureRoutes = [
  defineRoute({
    method: 'post',
    path: '/structures',
    operationId: 'createStructure',
    summary: 'Create a structure (CCAS, CIAS, association…). Platform admin.',
    tags,
    policy: 'structures.manage',
    body: createStructureBody,
    status: 201,
    responses: { 201: { description: 'Created', schema: structureSchema } },
    handler: ({ deps, body, ...ctx }) =>
      deps.db.transaction(async (em) => {
        const structure = await createStructure(em, deps.clock, body);
        await ctx.audit(em, {
          action: 'structure.created',
          structureId: structure.id,
          targetType: 'structure',
          targetId: structure.id,
        });
        return presentStructure(structure);
      }),
  }),

  defineRoute({
    method: 'get',
    path: '/structures',
    operationId: 'listStructures',
    summary: 'Structures: all of them for a platform admin, otherwise those the staff member belongs to.',
    tags,
    policy: 'structures.list',
    query: listStructuresQuery,
    responses: { 200: { description: 'A page of structures', schema: structureListSchema } },
    handler: async ({ deps, actor, query }) => {
      const { rows, total } = await listVisibleStructures(deps.db.manager, actor, query);
      return { data: rows.map(presentStructure), total };
    },
  }),

  defineRoute({
    method: 'get',
    path: '/structures/:structureId',
    operationId: 'getStructure',
    summary: 'One structure (platform admin: any; staff: one they belong to).',
    tags,
    policy: 'structures.list',
    params: structureIdParams,
    responses: { 200: { description: 'The structure', schema: structureSchema } },
    handler: async ({ deps, actor, params }) =>
      presentStructure(await findVisibleStructure(deps.db.manager, actor, params.structureId)),
  }),

  defineRoute({
    method: 'patch',
    path: '/structures/:structureId',
    operationId: 'updateStructure',
    summary: 'Edit a structure. Platform admin.',
    tags,
    policy: 'structures.manage',
    params: structureIdParams,
    body: updateStructureBody,
    responses: { 200: { description: 'The updated structure', schema: structureSchema } },
    handler: ({ deps, actor, params, body, ...ctx }) =>
      deps.db.transaction(async (em) => {
        const current = await findVisibleStructure(em, actor, params.structureId);
        const { structure, changed } = await updateStructure(em, deps.clock, current, body);
        if (changed.length)
          await ctx.audit(em, {
            action: 'structure.updated',
            structureId: structure.id,
            targetType: 'structure',
            targetId: structure.id,
            details: { fields: changed.join(',') },
          });
        return presentStructure(structure);
      }),
  }),

  defineRoute({
    method: 'post',
    path: '/structures/:structureId/archive',
    operationId: 'archiveStructure',
    summary: 'Archive a structure: its staff can no longer act for it. Platform admin.',
    tags,
    policy: 'structures.manage',
    params: structureIdParams,
    responses: { 200: { description: 'The archived structure', schema: structureSchema } },
    handler: ({ deps, actor, params, ...ctx }) =>
      deps.db.transaction(async (em) => {
        const current = await findVisibleStructure(em, actor, params.structureId);
        const structure = await archiveStructure(em, deps.clock, current);
        if (!current.archivedAt)
          await ctx.audit(em, {
            action: 'structure.archived',
            structureId: structure.id,
            targetType: 'structure',
            targetId: structure.id,
          });
        return presentStructure(structure);
      }),
  }),

  defineRoute({
    method: 'post',
    path: '/structures/:structureId/invitations',
    operationId: 'inviteStructureAdmin',
    summary: "Invite a structure's admin by e-mail (72-hour single-use link). Platform admin.",
    description:
      'Same rules as inviteStaff: an existing account joins only once it accepts (joinStructure), the ' +
      'answer does not depend on the address, and nobody invites themself (self_invitation_forbidden).',
    tags,
    policy: 'structures.manage',
    params: structureIdParams,
    body: inviteStructureAdminBody,
    status: 202,
    responses: {
      202: { description: 'Invitation requested', schema: invitationRequestedSchema },
      403: { description: 'Inviting oneself (self_invitation_forbidden)' },
      409: { description: 'Already a member, or structure archived' },
    },
    handler: async ({ deps, actor, params, body, ...ctx }) => {
      const { outcome, structure } = await deps.db.transaction(async (em) => {
        const structure = await findVisibleStructure(em, actor, params.structureId);
        const inviter = await em
          .getRepository(StaffMemberEntity)
          .findOneByOrFail({ id: actor.kind === 'staff' ? actor.staffId : '' });
        const outcome = await inviteToStructure(em, deps.clock, structure, { ...body, role: 'admin' }, inviter);
        await ctx.audit(em, {
          action: 'staff.invited',
          structureId: structure.id,
          targetType: 'staff',
          targetId: outcome.member.id,
          details: { role: 'admin' },
        });
        return { outcome, structure };
      });
      sendInvitationMail(deps, outcome, structure, 'admin');
      return { status: 'invited' as const };
    },
  }),

  defineRoute({
    method: 'get',
    path: '/structure',
    operationId: 'getMyStructure',
    summary: 'The settings of the structure the admin acts for (X-Structure-Id).',
    tags,
    policy: 'structure.settings',
    responses: { 200: { description: 'The structure', schema: structureSchema } },
    handler: async ({ deps, actor }) =>
      presentStructure(await findVisibleStructure(deps.db.manager, actor, actingStructureId(actor))),
  }),

  defineRoute({
    method: 'patch',
    path: '/structure',
    operationId: 'updateMyStructure',
    summary: "Edit the contact details of the admin's structure.",
    tags,
    policy: 'structure.settings',
    body: updateMyStructureBody,
    responses: { 200: { description: 'The updated structure', schema: structureSchema } },
    handler: ({ deps, actor, body, ...ctx }) =>
      deps.db.transaction(async (em) => {
        const current = await findVisibleStructure(em, actor, actingStructureId(actor));
        const { structure, changed } = await updateStructure(em, deps.clock, current, body);
        if (changed.length)
          await ctx.audit(em, {
            action: 'structure.updated',
            targetType: 'structure',
            targetId: structure.id,
            details: { fields: changed.join(',') },
          });
        return presentStructure(structure);
      }),
  }),
];
