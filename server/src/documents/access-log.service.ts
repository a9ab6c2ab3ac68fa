import { In } from 'typeorm';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import type { Deps } from '../deps.js';
import { StaffMemberEntity } from '../staff/staff.entity.js';
import { offsetOf } from '../staff/list-query.js';
import { StructureEntity } from '../structures/structure.entity.js';
import { DocumentEntity } from './document.entity.js';

/**
 * LOG-2: the beneficiary's own trace — what staff did in their vault and when, with the structure,
 * the referent's name and the paper. Read from the audit log, so it cannot differ from it.
 */
export async function accessLog(
  deps: Pick<Deps, 'db'>,
  beneficiaryId: string,
  page: { page: number; perPage: number },
) {
  const em = deps.db.manager;
  // What staff did: a refused or failed attempt (a wrong TOTP for an emergency card, a refused
  // upload) is in the audit log, but must not read here as done.
  const where = { beneficiaryId, actorKind: 'staff' as const, result: 'success' as const };
  const [events, total] = await em.getRepository(AuditEventEntity).findAndCount({
    where,
    order: { seq: 'DESC' },
    skip: offsetOf(page),
    take: page.perPage,
  });
  const ids = (pick: (e: (typeof events)[number]) => string | null) => [
    ...new Set(events.map(pick).filter((id): id is string => id !== null)),
  ];
  const structureIds = ids((e) => e.structureId);
  const staffIds = ids((e) => e.actorId);
  const documentIds = ids((e) => (e.targetType === 'document' ? e.targetId : null));
  const [structures, staff, documents] = await Promise.all([
    structureIds.length
      ? em.getRepository(StructureEntity).find({ select: { id: true, name: true }, where: { id: In(structureIds) } })
      : [],
    staffIds.length
      ? em
          .getRepository(StaffMemberEntity)
          .find({ select: { id: true, displayName: true }, where: { id: In(staffIds) } })
      : [],
    documentIds.length
      ? em
          .getRepository(DocumentEntity)
          .find({ select: { id: true, title: true }, where: { id: In(documentIds), beneficiaryId } })
      : [],
  ]);
  const structureById = new Map(structures.map((s) => [s.id, s]));
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const titleById = new Map(documents.map((d) => [d.id, d.title]));
  return {
    data: events.map((e) => ({
      at: e.occurredAt.toISOString(),
      action: e.action,
      structure: e.structureId ? { id: e.structureId, name: structureById.get(e.structureId)?.name ?? '' } : null,
      staff: e.actorId ? { id: e.actorId, displayName: staffById.get(e.actorId)?.displayName ?? '' } : null,
      // A purged paper keeps its line in the trace, without its title.
      document:
        e.targetType === 'document' && e.targetId ? { id: e.targetId, title: titleById.get(e.targetId) ?? null } : null,
    })),
    total,
  };
}
