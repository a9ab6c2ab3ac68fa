import { randomUUID } from 'node:crypto';
import { documentThemes, type DocumentFieldDefinition } from '@consigne/database/seeds/document-types';
import type { EntityManager } from 'typeorm';
import { conflict, notFound } from '../http/errors.js';
import type { HandlerContext } from '../http/route.js';
import { DocumentTypeEntity, type DocumentType } from './document-type.entity.js';
import { presentDocumentType } from './document-type.presenter.js';

type Ctx = Pick<HandlerContext<unknown, unknown, unknown>, 'actor' | 'deps' | 'audit'>;

export const themeLabel = (code: string) => documentThemes.find((t) => t.code === code)?.label ?? code;

/** The referential, in display order, optionally one theme only; `themes` counts the types of each. */
export async function listDocumentTypes(ctx: Ctx, query: { theme?: string | undefined }) {
  const types = await ctx.deps.db
    .getRepository(DocumentTypeEntity)
    .find({ where: query.theme ? { theme: query.theme } : {}, order: { position: 'ASC', label: 'ASC' } });
  const order = new Map<string, number>(documentThemes.map((t, i) => [t.code, i]));
  types.sort((a, b) => (order.get(a.theme) ?? 99) - (order.get(b.theme) ?? 99) || a.position - b.position);
  return {
    data: types.map(presentDocumentType),
    themes: documentThemes
      .map((t) => ({ code: t.code, label: t.label, count: types.filter((x) => x.theme === t.code).length }))
      .filter((t) => !query.theme || t.code === query.theme),
  };
}

export async function findDocumentType(em: EntityManager, typeId: string): Promise<DocumentType | null> {
  return em.getRepository(DocumentTypeEntity).findOneBy({ id: typeId });
}

export interface DocumentTypeChanges {
  label?: string | undefined;
  theme?: string | undefined;
  fields?: DocumentFieldDefinition[] | undefined;
  validityMonths?: number | null | undefined;
  retentionMonths?: number | null | undefined;
}

/** Platform admin: edits a type. Values already noted on documents for removed fields stay as they are. */
export async function updateDocumentType(ctx: Ctx, typeId: string, changes: DocumentTypeChanges) {
  return ctx.deps.db.transaction(async (em) => {
    const repo = em.getRepository(DocumentTypeEntity);
    const type = await repo.findOneBy({ id: typeId });
    if (!type) throw notFound();
    const updated: DocumentType = {
      ...type,
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      updatedAt: ctx.deps.clock.now(),
    };
    const { id, ...columns } = updated;
    await repo.update({ id }, columns);
    await ctx.audit(em, {
      action: 'document_type.updated',
      targetType: 'document_type',
      targetId: id,
      details: { changed: Object.keys(changes).sort().join(',') },
    });
    return presentDocumentType(updated);
  });
}

export async function createDocumentType(
  ctx: Ctx,
  input: Required<Omit<DocumentTypeChanges, 'label' | 'theme' | 'fields'>> & {
    code: string;
    label: string;
    theme: string;
    fields: DocumentFieldDefinition[];
  },
) {
  return ctx.deps.db.transaction(async (em) => {
    const repo = em.getRepository(DocumentTypeEntity);
    if (await repo.existsBy({ code: input.code })) throw conflict('type_code_taken', 'Ce code de type existe déjà.');
    const now = ctx.deps.clock.now();
    const last = await repo.findOne({ where: { theme: input.theme }, order: { position: 'DESC' } });
    const type: DocumentType = {
      id: randomUUID(),
      code: input.code,
      theme: input.theme,
      label: input.label,
      fields: input.fields,
      validityMonths: input.validityMonths,
      retentionMonths: input.retentionMonths,
      position: (last?.position ?? 1000) + 1,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insert(type);
    await ctx.audit(em, { action: 'document_type.created', targetType: 'document_type', targetId: type.id });
    return presentDocumentType(type);
  });
}
