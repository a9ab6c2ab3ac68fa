import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { actingStructureId } from '../policies/records.js';
import { listOf, offsetOf } from '../staff/list-query.js';
import { auditActions } from './audit-actions.js';
import { AuditEventEntity, type AuditEvent } from './audit-event.entity.js';

const listAuditEventsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
  actorId: z.uuid().optional(),
  action: z.enum(auditActions).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

const auditEventSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  occurredAt: z.string(),
  actorKind: z.enum(['anonymous', 'staff', 'system']),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  /** Withheld for documents: an id could outlive a document's switch to private (AUTHZ-3). */
  targetId: z.string().nullable(),
  beneficiaryId: z.string().nullable(),
  result: z.enum(['success', 'failure', 'denied']),
});

/**
 * What a structure admin sees of an event. No `details`, and nothing that names a document: a
 * private document must leave no trace in any staff view (AUTHZ-3).
 */
function presentAuditEvent(e: AuditEvent): z.output<typeof auditEventSchema> {
  const aboutDocument =
    e.targetType === 'document' || e.action.startsWith('document.') || e.action.startsWith('vault.');
  return {
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorKind: e.actorKind === 'beneficiary' ? 'anonymous' : e.actorKind,
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    targetType: e.targetType,
    targetId: aboutDocument ? null : e.targetId,
    beneficiaryId: e.beneficiaryId,
    result: e.result,
  };
}

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/audit-events',
    operationId: 'listAuditEvents',
    summary: "The audit trail of the admin's structure, newest first.",
    description:
      "Only events recorded for the structure (X-Structure-Id) and made by staff or the system; a beneficiary's own actions (which may concern private documents) are never listed here.",
    tags: ['audit'],
    policy: 'audit.read',
    query: listAuditEventsQuery,
    responses: { 200: { description: 'A page of events', schema: listOf(auditEventSchema) } },
    handler: async ({ deps, actor, query }) => {
      const qb = deps.db
        .getRepository(AuditEventEntity)
        .createQueryBuilder('e')
        .where('e.structureId = :structureId', { structureId: actingStructureId(actor) })
        .andWhere("e.actorKind <> 'beneficiary'");
      if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
      if (query.action) qb.andWhere('e.action = :action', { action: query.action });
      if (query.from) qb.andWhere('e.occurredAt >= :from', { from: new Date(query.from) });
      if (query.to) qb.andWhere('e.occurredAt < :to', { to: new Date(query.to) });
      const [rows, total] = await qb
        .orderBy('e.seq', 'DESC')
        .offset(offsetOf(query))
        .limit(query.perPage)
        .getManyAndCount();
      return { data: rows.map(presentAuditEvent), total };
    },
  }),
];
