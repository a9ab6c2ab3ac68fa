import { In, IsNull, LessThan, type EntityManager } from 'typeorm';
import { recordAudit, recordAuditNow } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { DocumentTypeEntity } from '../document-types/document-type.entity.js';
import { notFound } from '../http/errors.js';
import type { HandlerContext } from '../http/route.js';
import type { Actor } from '../policies/actor.js';
import { assertFollows, followsBeneficiary } from '../policies/records.js';
import { DAY } from '../shared/clock.js';
import { containsPattern, offsetOf } from '../staff/list-query.js';
import { StructureEntity } from '../structures/structure.entity.js';
import { DocumentEntity, type DocumentRecord, type TypeFields, type Visibility } from './document.entity.js';
import { presentDocument, type PresentContext } from './document.presenter.js';
import { deleteDocumentBlobs, resolveMetadata } from './document-store.js';

export type Ctx = Pick<HandlerContext<unknown, unknown, unknown>, 'actor' | 'deps' | 'req' | 'audit'>;

export const TRASH_RETENTION_MS = 30 * DAY;

export const requestIdOf = (ctx: Pick<Ctx, 'req'>) => (typeof ctx.req.id === 'string' ? ctx.req.id : null);

/**
 * The one rule of who sees a document (AUTHZ-3..6): its owner sees it (trash included); a referent
 * acting for a structure that actively follows the owner sees it only while it is shared and not
 * deleted. Anyone else gets null, answered as 404 like a document that does not exist.
 */
export async function findVisibleDocument(
  em: EntityManager,
  actor: Actor,
  documentId: string,
): Promise<DocumentRecord | null> {
  const repo = em.getRepository(DocumentEntity);
  if (actor.kind === 'beneficiary') return repo.findOneBy({ id: documentId, beneficiaryId: actor.beneficiaryId });
  if (actor.kind !== 'staff' || actor.membership?.role !== 'referent') return null;
  const doc = await repo.findOneBy({ id: documentId, visibility: 'shared', deletedAt: IsNull() });
  if (!doc || !(await followsBeneficiary(em, actor, doc.beneficiaryId))) return null;
  return doc;
}

/** The owner's own document (AUTHZ-6: only the owner changes it), or 404. */
export async function findOwnDocument(em: EntityManager, actor: Actor, documentId: string): Promise<DocumentRecord> {
  if (actor.kind !== 'beneficiary') throw notFound();
  const doc = await em.getRepository(DocumentEntity).findOneBy({ id: documentId, beneficiaryId: actor.beneficiaryId });
  if (!doc) throw notFound();
  return doc;
}

export async function presentContext(em: EntityManager, docs: readonly DocumentRecord[]): Promise<PresentContext> {
  const typeIds = [...new Set(docs.map((d) => d.typeId).filter((id): id is string => id !== null))];
  const structureIds = [...new Set(docs.map((d) => d.uploadedByStructureId).filter((id): id is string => id !== null))];
  const types = typeIds.length ? await em.getRepository(DocumentTypeEntity).findBy({ id: In(typeIds) }) : [];
  const structures = structureIds.length
    ? await em
        .getRepository(StructureEntity)
        .find({ select: { id: true, name: true }, where: { id: In(structureIds) } })
    : [];
  return { types: new Map(types.map((t) => [t.id, t])), structures: new Map(structures.map((s) => [s.id, s])) };
}

export async function presentOne(em: EntityManager, doc: DocumentRecord) {
  return presentDocument(doc, await presentContext(em, [doc]));
}

interface ListFilter {
  page: number;
  perPage: number;
  q?: string | undefined;
  theme?: string | undefined;
  typeId?: string | undefined;
  sort: { field: 'createdAt' | 'title' | 'issueDate' | 'expiryDate'; order: 'ASC' | 'DESC' };
}

/** One page of a vault's documents; `scope` is applied in SQL so counts only ever cover what is visible. */
async function listDocuments(
  em: EntityManager,
  beneficiaryId: string,
  scope: 'owner' | 'owner-trash' | 'shared',
  filter: ListFilter,
) {
  const qb = em
    .getRepository(DocumentEntity)
    .createQueryBuilder('d')
    .where('d.beneficiaryId = :beneficiaryId', { beneficiaryId });
  if (scope === 'owner-trash') qb.andWhere('d.deletedAt IS NOT NULL');
  else qb.andWhere('d.deletedAt IS NULL');
  if (scope === 'shared') qb.andWhere('d.visibility = :shared', { shared: 'shared' });
  if (filter.typeId) qb.andWhere('d.typeId = :typeId', { typeId: filter.typeId });
  if (filter.theme) {
    const sub = 'SELECT t.id FROM document_types t WHERE t.theme = :theme';
    qb.andWhere(filter.theme === 'autre' ? `(d.typeId IS NULL OR d.typeId IN (${sub}))` : `d.typeId IN (${sub})`, {
      theme: filter.theme,
    });
  }
  if (filter.q) qb.andWhere("LOWER(d.title) LIKE :q ESCAPE '!'", { q: containsPattern(filter.q) });
  const total = await qb.getCount();
  const data = await qb
    .orderBy(`d.${filter.sort.field}`, filter.sort.order)
    .addOrderBy('d.id', filter.sort.order)
    .skip(offsetOf(filter))
    .take(filter.perPage)
    .getMany();
  return { data, total };
}

export async function listMyDocuments(ctx: Ctx, query: ListFilter & { trash: boolean }) {
  if (ctx.actor.kind !== 'beneficiary') throw notFound();
  const em = ctx.deps.db.manager;
  const { data, total } = await listDocuments(
    em,
    ctx.actor.beneficiaryId,
    query.trash ? 'owner-trash' : 'owner',
    query,
  );
  const context = await presentContext(em, data);
  return { data: data.map((d) => presentDocument(d, context)), total };
}

/**
 * A referent's view of a followed beneficiary's vault: shared, non-deleted papers only. Private
 * ones are filtered in SQL, so neither the page nor `total` can reveal them (AUTHZ-3).
 */
export async function listBeneficiaryDocuments(ctx: Ctx, beneficiaryId: string, query: ListFilter) {
  const em = ctx.deps.db.manager;
  await assertFollows(em, ctx.actor, beneficiaryId);
  const { data, total } = await listDocuments(em, beneficiaryId, 'shared', query);
  await recordAuditNow(ctx.deps.db, ctx.deps.clock, {
    actor: ctx.actor,
    requestId: requestIdOf(ctx),
    action: 'document.viewed',
    beneficiaryId,
    targetType: 'document_list',
    details: { listed: data.length },
  });
  const context = await presentContext(em, data);
  return { data: data.map((d) => presentDocument(d, context)), total };
}

/** Metadata of one document; a staff view is audited. */
export async function getDocument(ctx: Ctx, documentId: string) {
  const em = ctx.deps.db.manager;
  const doc = await findVisibleDocument(em, ctx.actor, documentId);
  if (!doc) throw notFound();
  if (ctx.actor.kind === 'staff') await auditStaffAccess(ctx, doc, 'document.viewed', { part: 'metadata' });
  return presentOne(em, doc);
}

export async function auditStaffAccess(
  ctx: Ctx,
  doc: DocumentRecord,
  action: 'document.viewed' | 'document.downloaded',
  details: Record<string, string | number | boolean | null>,
) {
  await recordAuditNow(ctx.deps.db, ctx.deps.clock, {
    actor: ctx.actor,
    requestId: requestIdOf(ctx),
    action,
    beneficiaryId: doc.beneficiaryId,
    targetType: 'document',
    targetId: doc.id,
    details,
  });
}

export interface DocumentChanges {
  title?: string | undefined;
  typeId?: string | null | undefined;
  typeFields?: TypeFields | null | undefined;
  issueDate?: string | null | undefined;
  expiryDate?: string | null | undefined;
}

export async function updateDocument(ctx: Ctx, documentId: string, changes: DocumentChanges) {
  return ctx.deps.db.transaction(async (em) => {
    const doc = await findOwnDocument(em, ctx.actor, documentId);
    const typeId = changes.typeId !== undefined ? changes.typeId : doc.typeId;
    const typeChanged = changes.typeId !== undefined && changes.typeId !== doc.typeId;
    const resolved = await resolveMetadata(em, {
      typeId,
      // A new type has other fields: the old values go unless new ones are given.
      typeFields: changes.typeFields !== undefined ? changes.typeFields : typeChanged ? null : doc.typeFields,
      issueDate: changes.issueDate !== undefined ? changes.issueDate : doc.issueDate,
      expiryDate: changes.expiryDate !== undefined ? changes.expiryDate : doc.expiryDate,
    });
    const updated: DocumentRecord = {
      ...doc,
      title: changes.title ?? doc.title,
      typeId: resolved.type?.id ?? null,
      typeFields: resolved.typeFields,
      issueDate: resolved.issueDate,
      expiryDate: resolved.expiryDate,
      updatedAt: ctx.deps.clock.now(),
    };
    await em.getRepository(DocumentEntity).update(
      { id: doc.id },
      {
        title: updated.title,
        typeId: updated.typeId,
        typeFields: updated.typeFields,
        issueDate: updated.issueDate,
        expiryDate: updated.expiryDate,
        updatedAt: updated.updatedAt,
      },
    );
    await ctx.audit(em, {
      action: 'document.updated',
      targetType: 'document',
      targetId: doc.id,
      details: { changed: Object.keys(changes).sort().join(',') },
    });
    return presentOne(em, updated);
  });
}

/** AUTHZ-5/6: only the owner shares or un-shares; the next staff request already sees the change. */
export async function setDocumentVisibility(ctx: Ctx, documentId: string, visibility: Visibility) {
  return ctx.deps.db.transaction(async (em) => {
    const doc = await findOwnDocument(em, ctx.actor, documentId);
    if (doc.deletedAt) throw notFound();
    if (doc.visibility !== visibility) {
      const now = ctx.deps.clock.now();
      await em.getRepository(DocumentEntity).update({ id: doc.id }, { visibility, updatedAt: now });
      await ctx.audit(em, {
        action: visibility === 'shared' ? 'document.shared' : 'document.unshared',
        targetType: 'document',
        targetId: doc.id,
      });
      return presentOne(em, { ...doc, visibility, updatedAt: now });
    }
    return presentOne(em, doc);
  });
}

/** To the trash: hidden from staff at once, restorable for 30 days, then purged (ENC-5). */
export async function deleteDocument(ctx: Ctx, documentId: string): Promise<undefined> {
  await ctx.deps.db.transaction(async (em) => {
    const doc = await findOwnDocument(em, ctx.actor, documentId);
    if (doc.deletedAt) return;
    const now = ctx.deps.clock.now();
    await em.getRepository(DocumentEntity).update({ id: doc.id }, { deletedAt: now, updatedAt: now });
    await ctx.audit(em, {
      action: 'document.deleted',
      targetType: 'document',
      targetId: doc.id,
      details: { purgeAfterDays: TRASH_RETENTION_MS / DAY },
    });
  });
  return undefined;
}

export async function restoreDocument(ctx: Ctx, documentId: string) {
  return ctx.deps.db.transaction(async (em) => {
    const doc = await findOwnDocument(em, ctx.actor, documentId);
    if (!doc.deletedAt) return presentOne(em, doc);
    const now = ctx.deps.clock.now();
    await em.getRepository(DocumentEntity).update({ id: doc.id }, { deletedAt: null, updatedAt: now });
    await ctx.audit(em, { action: 'document.restored', targetType: 'document', targetId: doc.id });
    return presentOne(em, { ...doc, deletedAt: null, updatedAt: now });
  });
}

/**
 * ENC-5: documents in the trash for 30 days lose their row (and with it the only copy of their
 * wrapped data key) and their blobs. The row goes first: once the key is gone, blobs left behind
 * by a failed delete are unreadable noise that the scrub reports as orphans.
 */
export async function purgeTrash(deps: Deps, batchSize = 200): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - TRASH_RETENTION_MS);
  let purged = 0;
  for (;;) {
    const batch = await deps.db.getRepository(DocumentEntity).find({
      select: { id: true, beneficiaryId: true },
      where: { deletedAt: LessThan(cutoff) },
      take: batchSize,
    });
    if (batch.length === 0) break;
    for (const doc of batch) {
      await deps.db.transaction(async (em) => {
        const result = await em.getRepository(DocumentEntity).delete({ id: doc.id, deletedAt: LessThan(cutoff) });
        if (!result.affected) return;
        await recordAudit(em, deps.clock, {
          actor: 'system',
          action: 'document.purged',
          beneficiaryId: doc.beneficiaryId,
          targetType: 'document',
          targetId: doc.id,
        });
      });
      await deleteDocumentBlobs(deps, doc.id);
      purged += 1;
    }
    if (batch.length < batchSize) break;
  }
  return purged;
}
