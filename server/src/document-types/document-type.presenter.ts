import type { DocumentType } from './document-type.entity.js';

export const presentDocumentType = (t: DocumentType) => ({
  id: t.id,
  code: t.code,
  theme: t.theme,
  label: t.label,
  fields: t.fields.map((f) => ({ key: f.key, label: f.label, kind: f.kind })),
  validityMonths: t.validityMonths,
  retentionMonths: t.retentionMonths,
});
