import type { NextFunction, Request, Response } from 'express';
import type { Deps } from '../deps.js';
import { anonymous, type Actor, type StaffMembership } from '../policies/actor.js';
import { StaffMemberEntity, StaffMembershipEntity } from '../staff/staff.entity.js';
import type { Session } from './session.entity.js';
import { clearSessionCookie, readSessionToken } from './session-cookie.js';
import { deleteSession, findLiveSession } from './session.service.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

declare module 'express-serve-static-core' {
  interface Request {
    /** The live session behind the cookie, whatever its stage. */
    session?: Session;
  }
}

/** The membership a staff member acts with: the structure named by `X-Structure-Id`, if active there. */
async function activeMembership(
  deps: Deps,
  staffId: string,
  header: string | undefined,
): Promise<StaffMembership | null> {
  if (!header || !uuid.test(header)) return null;
  // One query on every staff request: the membership, only if active in a structure still open.
  const membership = await deps.db
    .getRepository(StaffMembershipEntity)
    .createQueryBuilder('m')
    .innerJoin('structures', 's', 's.id = m.structureId AND s.archivedAt IS NULL')
    .where('m.staffId = :staffId AND m.structureId = :structureId AND m.deactivatedAt IS NULL', {
      staffId,
      structureId: header.toLowerCase(),
    })
    .getOne();
  return membership ? { structureId: membership.structureId, role: membership.role } : null;
}

async function actorFor(deps: Deps, session: Session, req: Request): Promise<Actor | null> {
  if (session.stage !== 'active') return anonymous;
  if (session.subjectKind === 'beneficiary') {
    return { kind: 'beneficiary', beneficiaryId: session.beneficiaryId!, sessionId: session.id };
  }
  const member = await deps.db.getRepository(StaffMemberEntity).findOneBy({ id: session.staffId! });
  if (!member || member.deactivatedAt) return null;
  return {
    kind: 'staff',
    staffId: member.id,
    sessionId: session.id,
    platformAdmin: member.platformAdmin,
    membership: await activeMembership(deps, member.id, req.get('X-Structure-Id')),
  };
}

/** Resolves the session cookie into `req.actor` (anonymous when absent, expired or revoked). */
export function authenticate(deps: Deps) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      req.actor = anonymous;
      const token = readSessionToken(req, deps.config);
      if (!token) return next();
      const session = await findLiveSession(deps.db.manager, deps.clock, token);
      const actor = session && (await actorFor(deps, session, req));
      if (!session || !actor) {
        if (session) await deleteSession(deps.db.manager, session.id);
        clearSessionCookie(res, deps.config);
        return next();
      }
      req.session = session;
      req.actor = actor;
      next();
    } catch (error) {
      next(error);
    }
  };
}
