import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../policies/actor.js';
import type { Clock } from '../shared/clock.js';
import type { AuditAction } from './audit-actions.js';
import { AuditEventEntity, AuditHeadEntity, type AuditEvent, type AuditResult } from './audit-event.entity.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: AuditAction;
  result?: AuditResult;
  actor: Actor | 'system';
  structureId?: string | null;
  beneficiaryId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  requestId?: string | null;
  /** Non-personal facts only: ids, counts, reasons. Never names, phones, codes or contents (LOG-4). */
  details?: Record<string, string | number | boolean | null>;
}

type Chained = Omit<AuditEvent, 'id' | 'hash'>;

/** The hash covers every field and the previous hash, so editing or deleting any row breaks the chain. */
function linkHash(event: Chained): string {
  const fields = [
    event.seq,
    event.occurredAt.toISOString(),
    event.actorKind,
    event.actorId,
    event.actorRole,
    event.structureId,
    event.beneficiaryId,
    event.action,
    event.targetType,
    event.targetId,
    event.result,
    event.requestId,
    event.details,
  ];
  return createHash('sha256').update(event.prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}

function actorFields(actor: Actor | 'system') {
  if (actor === 'system') return { actorKind: 'system' as const, actorId: null, actorRole: null };
  switch (actor.kind) {
    case 'anonymous':
      return { actorKind: 'anonymous' as const, actorId: null, actorRole: null };
    case 'beneficiary':
      return { actorKind: 'beneficiary' as const, actorId: actor.beneficiaryId, actorRole: null };
    case 'staff':
      return {
        actorKind: 'staff' as const,
        actorId: actor.staffId,
        actorRole: actor.membership?.role ?? (actor.platformAdmin ? 'platform_admin' : null),
      };
  }
}

/**
 * Appends one event to the hash-chained audit log, inside the caller's transaction so the event
 * and the change it records commit together. The head row is locked to serialise appends
 * (SQLite serialises writers by itself and has no row locks).
 */
export async function recordAudit(em: EntityManager, clock: Clock, input: AuditInput): Promise<void> {
  const heads = em.getRepository(AuditHeadEntity);
  const head =
    em.connection.options.type === 'better-sqlite3'
      ? await heads.findOneByOrFail({ id: 1 })
      : await heads.findOneOrFail({ where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
  const actor = actorFields(input.actor);
  const chained: Chained = {
    seq: head.seq + 1,
    occurredAt: clock.now(),
    ...actor,
    structureId:
      input.structureId ??
      (input.actor !== 'system' && input.actor.kind === 'staff' ? (input.actor.membership?.structureId ?? null) : null),
    beneficiaryId:
      input.beneficiaryId ??
      (input.actor !== 'system' && input.actor.kind === 'beneficiary' ? input.actor.beneficiaryId : null),
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    result: input.result ?? 'success',
    requestId: input.requestId ?? null,
    details: input.details ? JSON.stringify(input.details) : null,
    prevHash: head.hash,
  };
  const hash = linkHash(chained);
  await em.getRepository(AuditEventEntity).insert({ id: randomUUID(), ...chained, hash });
  await heads.update({ id: 1 }, { seq: chained.seq, hash });
}

/** Records an event in a transaction of its own (for failures, where the caller's work is rolled back). */
export function recordAuditNow(db: DataSource, clock: Clock, input: AuditInput): Promise<void> {
  return db.transaction((em) => recordAudit(em, clock, input));
}

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAtSeq: number; reason: 'altered' | 'missing' | 'head_mismatch' };

/** Walks the chain in order and reports the first broken link (LOG-3). */
export async function verifyAuditChain(db: DataSource, batchSize = 1000): Promise<ChainVerdict> {
  const repo = db.getRepository(AuditEventEntity);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (;;) {
    const batch = await repo
      .createQueryBuilder('e')
      .where('e.seq >= :from', { from: expectedSeq })
      .orderBy('e.seq', 'ASC')
      .take(batchSize)
      .getMany();
    for (const event of batch) {
      if (event.seq !== expectedSeq)
        return { ok: false, events: expectedSeq - 1, brokenAtSeq: expectedSeq, reason: 'missing' };
      const { id: _id, hash, ...chained } = event;
      if (event.prevHash !== prevHash || linkHash(chained) !== hash)
        return { ok: false, events: expectedSeq - 1, brokenAtSeq: event.seq, reason: 'altered' };
      prevHash = hash;
      expectedSeq += 1;
    }
    if (batch.length < batchSize) break;
  }
  const head = await db.getRepository(AuditHeadEntity).findOneByOrFail({ id: 1 });
  if (head.seq !== expectedSeq - 1 || head.hash !== prevHash)
    return { ok: false, events: expectedSeq - 1, brokenAtSeq: expectedSeq, reason: 'head_mismatch' };
  return { ok: true, events: expectedSeq - 1 };
}
