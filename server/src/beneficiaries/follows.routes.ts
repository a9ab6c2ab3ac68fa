import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import {
  answerFollowRequest,
  confirmFollowWithCode,
  listMyFollows,
  requestFollow,
  unfollowStructure,
} from './follows.service.js';

const followRequested = z.object({
  id: z.uuid(),
  status: z.string(),
  channel: z.string().nullable(),
  codeSent: z.boolean(),
  expiresInSeconds: z.number().int().nullable(),
});

const myFollow = z.object({
  id: z.uuid(),
  structure: z.object({ id: z.uuid(), name: z.string() }),
  status: z.string(),
  consentChannel: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const followIdParams = z.strictObject({ followId: z.uuid() });

/** Follow links between structures and beneficiaries, always with the beneficiary's consent. */
export const followRoutes = [
  defineRoute({
    method: 'post',
    path: '/beneficiaries/follow-requests',
    operationId: 'requestFollow',
    summary: 'Asks a beneficiary found as a duplicate (`matchId`) to let your structure follow them.',
    description:
      "`channel: 'app'`: the beneficiary answers in their app. `channel: 'desk_code'`: a code goes to their phone; " +
      'they read it to you and you confirm with `confirmFollowWithCode`.',
    tags: ['beneficiaries'],
    policy: 'beneficiary.follow',
    body: z.strictObject({ beneficiaryId: z.uuid(), channel: z.enum(['app', 'desk_code']) }),
    status: 201,
    responses: {
      201: { description: 'Pending until the beneficiary consents', schema: followRequested },
      404: { description: 'No recent duplicate answer for this id in your structure' },
      409: { description: 'Your structure already follows them' },
    },
    handler: async (ctx) => requestFollow(ctx, ctx.body),
  }),
  defineRoute({
    method: 'post',
    path: '/beneficiaries/follow-requests/:followId/confirm',
    operationId: 'confirmFollowWithCode',
    summary: 'Activates a desk follow request with the code the beneficiary received by SMS.',
    tags: ['beneficiaries'],
    policy: 'beneficiary.follow',
    params: followIdParams,
    body: z.strictObject({ code: z.string().regex(/^\d{6}$/, { message: 'Le code a 6 chiffres.' }) }),
    responses: {
      200: {
        description: 'Now following',
        schema: z.object({ id: z.uuid(), status: z.string(), channel: z.string().nullable() }),
      },
      400: { description: 'Wrong or expired code' },
      404: { description: 'No such pending desk request of your structure' },
    },
    handler: async (ctx) => confirmFollowWithCode(ctx, ctx.params.followId, ctx.body.code),
  }),
  defineRoute({
    method: 'get',
    path: '/me/follows',
    operationId: 'listMyFollows',
    summary: 'The structures following me, and those asking to.',
    tags: ['me'],
    policy: 'self.follows',
    responses: { 200: { description: 'Follows', schema: z.object({ data: z.array(myFollow) }) } },
    handler: async (ctx) => listMyFollows(ctx),
  }),
  defineRoute({
    method: 'post',
    path: '/me/follows/:followId/answer',
    operationId: 'answerFollowRequest',
    summary: "Accepts or refuses a structure's request to follow me.",
    tags: ['me'],
    policy: 'self.follows',
    params: followIdParams,
    body: z.strictObject({ accept: z.boolean() }),
    responses: { 200: { description: 'Answered', schema: myFollow }, 404: { description: 'No such pending request' } },
    handler: async (ctx) => answerFollowRequest(ctx, ctx.params.followId, ctx.body.accept),
  }),
  defineRoute({
    method: 'delete',
    path: '/me/follows/:followId',
    operationId: 'unfollowStructure',
    summary: 'Stops a structure following me; its referents lose access from the next request.',
    tags: ['me'],
    policy: 'self.follows',
    params: followIdParams,
    responses: { 204: { description: 'Ended' }, 404: { description: 'Not one of my follows' } },
    handler: async (ctx) => unfollowStructure(ctx, ctx.params.followId),
  }),
];
