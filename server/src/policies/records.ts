import type { EntityManager } from 'typeorm';
import { FollowEntity } from '../beneficiaries/beneficiary.entity.js';
import { notFound } from '../http/errors.js';
import type { Actor } from './actor.js';

/**
 * Record-level checks. A record the actor may not see is answered exactly like one that does not
 * exist (404), so ids of other structures' beneficiaries disclose nothing (AUTHZ-2).
 */

/** The structure a staff actor acts for, or a 404 when there is none. */
export function actingStructureId(actor: Actor): string {
  if (actor.kind === 'staff' && actor.membership) return actor.membership.structureId;
  throw notFound();
}

/** Whether the actor's structure actively follows the beneficiary (the only way staff see a vault). */
export async function followsBeneficiary(em: EntityManager, actor: Actor, beneficiaryId: string): Promise<boolean> {
  if (actor.kind !== 'staff' || actor.membership?.role !== 'referent') return false;
  return em.getRepository(FollowEntity).existsBy({
    structureId: actor.membership.structureId,
    beneficiaryId,
    status: 'active',
  });
}

/** Throws 404 unless the actor is a referent of a structure that actively follows the beneficiary. */
export async function assertFollows(em: EntityManager, actor: Actor, beneficiaryId: string): Promise<void> {
  if (!(await followsBeneficiary(em, actor, beneficiaryId))) throw notFound();
}

/** Throws 404 unless the actor is the beneficiary themself. */
export function assertSelf(actor: Actor, beneficiaryId: string): void {
  if (actor.kind !== 'beneficiary' || actor.beneficiaryId !== beneficiaryId) throw notFound();
}
