import type { DocumentType } from '../document-types/document-type.entity.js';
import type { DocumentRecord } from './document.entity.js';

export interface PresentContext {
  types: ReadonlyMap<string, DocumentType>;
  structures: ReadonlyMap<string, { id: string; name: string }>;
}

/**
 * What the owner, or a referent allowed to see a shared paper, sees of it. Keys, storage details
 * and the uploading staff member's id never leave the server.
 */
export function presentDocument(doc: DocumentRecord, context: PresentContext) {
  const type = doc.typeId ? context.types.get(doc.typeId) : undefined;
  const structure = doc.uploadedByStructureId ? context.structures.get(doc.uploadedByStructureId) : undefined;
  return {
    id: doc.id,
    title: doc.title,
    type: type ? { id: type.id, code: type.code, label: type.label, theme: type.theme } : null,
    typeFields: doc.typeFields,
    issueDate: doc.issueDate,
    expiryDate: doc.expiryDate,
    visibility: doc.visibility,
    mime: doc.mime,
    pages: doc.pages,
    sizeBytes: doc.sizeBytes,
    sha256: doc.sha256,
    uploadedBy: {
      kind: doc.uploadedByKind,
      structure: structure ? { id: structure.id, name: structure.name } : null,
    },
    deletedAt: doc.deletedAt?.toISOString() ?? null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
