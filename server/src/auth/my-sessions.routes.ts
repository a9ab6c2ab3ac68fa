import { z } from 'zod';
import { notFound } from '../http/errors.js';
import { defineRoute } from '../http/route.js';
import type { Actor } from '../policies/actor.js';
import { clearSessionCookie } from './session-cookie.js';
import { SessionEntity, type Session } from './session.entity.js';
import { deleteSession, isExpired } from './session.service.js';

/** SESS-5: a person lists the devices where they are logged in and logs any of them out. */

const ownerOf = (actor: Actor) =>
  actor.kind === 'beneficiary'
    ? { beneficiaryId: actor.beneficiaryId }
    : actor.kind === 'staff'
      ? { staffId: actor.staffId }
      : null;

const sessionView = z.object({
  id: z.uuid(),
  deviceLabel: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  trustedDevice: z.boolean(),
  current: z.boolean(),
});

const presentSession = (session: Session, currentId: string) => ({
  id: session.id,
  deviceLabel: session.deviceLabel,
  createdAt: session.createdAt.toISOString(),
  lastSeenAt: session.lastSeenAt.toISOString(),
  expiresAt: session.expiresAt.toISOString(),
  trustedDevice: session.trustedDevice,
  current: session.id === currentId,
});

export const mySessionsRoutes = [
  defineRoute({
    method: 'get',
    path: '/me/sessions',
    operationId: 'listMySessions',
    summary: 'The devices where I am logged in, newest first (the current one flagged).',
    tags: ['me'],
    policy: 'self.sessions',
    responses: { 200: { description: 'Live sessions', schema: z.object({ data: z.array(sessionView) }) } },
    handler: async ({ actor, deps }) => {
      const owner = ownerOf(actor);
      if (!owner || actor.kind === 'anonymous') throw notFound();
      const sessions = await deps.db
        .getRepository(SessionEntity)
        .find({ where: { ...owner, stage: 'active' }, order: { createdAt: 'DESC' } });
      const now = deps.clock.now();
      return {
        data: sessions.filter((s) => !isExpired(s, now)).map((s) => presentSession(s, actor.sessionId)),
      };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/me/sessions/:sessionId',
    operationId: 'revokeSession',
    summary: 'Logs one of my devices out (the current one included).',
    tags: ['me'],
    policy: 'self.sessions',
    params: z.strictObject({ sessionId: z.uuid() }),
    responses: { 204: { description: 'Logged out' }, 404: { description: 'Not one of my sessions' } },
    handler: async (ctx) => {
      const { actor, deps, params, res } = ctx;
      const owner = ownerOf(actor);
      if (!owner || actor.kind === 'anonymous') throw notFound();
      await deps.db.transaction(async (em) => {
        const session = await em.getRepository(SessionEntity).findOneBy({ id: params.sessionId, ...owner });
        if (!session) throw notFound();
        await deleteSession(em, session.id);
        await ctx.audit(em, {
          action: 'session.revoked',
          targetType: 'session',
          targetId: session.id,
          details: { scope: 'one', current: session.id === actor.sessionId },
        });
      });
      if (params.sessionId === actor.sessionId) clearSessionCookie(res, deps.config);
      return undefined;
    },
  }),
];
