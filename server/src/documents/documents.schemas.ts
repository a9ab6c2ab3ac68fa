import { z } from 'zod';
import { isoDate } from '../beneficiaries/beneficiaries.schemas.js';
import { themeCode } from '../document-types/document-types.schemas.js';
import { pageQuery, sortQuery } from '../staff/list-query.js';

export const documentIdParams = z.strictObject({ documentId: z.uuid() });
export const beneficiaryIdParams = z.strictObject({ beneficiaryId: z.uuid() });

const title = z
  .string()
  .trim()
  .min(1, { message: 'Ce champ est obligatoire.' })
  .max(200)
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, { message: 'Caractères non autorisés.' });

const fieldValue = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^\p{Cc}\p{Cf}]*$/u, { message: 'Caractères non autorisés.' });

export const typeFieldsSchema = z
  .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/), fieldValue)
  .refine((value) => Object.keys(value).length <= 12, { message: '12 informations au plus.' });

const booleanField = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The text fields of the multipart upload form (all strings on the wire). */
export const uploadFieldsSchema = z.strictObject({
  title: title.optional(),
  typeId: z.uuid().optional(),
  /** JSON object of the type's fields, e.g. `{"number":"123"}`. */
  typeFields: z
    .string()
    .max(8000)
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'JSON attendu.' });
        return z.NEVER;
      }
    })
    .pipe(typeFieldsSchema)
    .optional(),
  issueDate: isoDate.optional(),
  expiryDate: isoDate.optional(),
  /** Several photos of one paper become one PDF. */
  combine: booleanField.default(false),
});

/** For the OpenAPI document: the multipart form. */
export const uploadMultipartSchema = z.object({
  files: z
    .array(z.string().meta({ format: 'binary' }))
    .min(1)
    .max(20),
  title: z.string().optional(),
  typeId: z.uuid().optional(),
  typeFields: z.string().optional().describe('JSON object of the type fields'),
  issueDate: z.string().optional(),
  expiryDate: z.string().optional(),
  combine: z.enum(['true', 'false']).optional(),
});

export const updateDocumentBody = z
  .strictObject({
    title: title.optional(),
    typeId: z.uuid().nullable().optional(),
    typeFields: typeFieldsSchema.nullable().optional(),
    issueDate: isoDate.nullable().optional(),
    expiryDate: isoDate.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Rien à modifier.' });

export const visibilityBody = z.strictObject({ visibility: z.enum(['private', 'shared']) });

const sortFields = ['createdAt', 'title', 'issueDate', 'expiryDate'] as const;

export const listMyDocumentsQuery = z.strictObject({
  ...pageQuery,
  theme: themeCode.optional(),
  typeId: z.uuid().optional(),
  trash: booleanField.default(false),
  sort: sortQuery(sortFields, '-createdAt'),
});

export const listBeneficiaryDocumentsQuery = z.strictObject({
  ...pageQuery,
  theme: themeCode.optional(),
  typeId: z.uuid().optional(),
  sort: sortQuery(sortFields, '-createdAt'),
});

export const contentQuery = z.strictObject({ inline: z.enum(['1', 'true', '0', 'false']).optional() });

export const accessLogQuery = z.strictObject({
  page: pageQuery.page,
  perPage: pageQuery.perPage,
});

export const documentSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  type: z.object({ id: z.uuid(), code: z.string(), label: z.string(), theme: z.string() }).nullable(),
  typeFields: z.record(z.string(), z.string()).nullable(),
  issueDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  visibility: z.enum(['private', 'shared']),
  mime: z.string(),
  pages: z.number().int(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.object({
    kind: z.enum(['beneficiary', 'staff']),
    structure: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  }),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const documentListSchema = z.object({ data: z.array(documentSchema), total: z.number().int() });

export const accessLogSchema = z.object({
  data: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      structure: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      staff: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
      document: z.object({ id: z.uuid(), title: z.string().nullable() }).nullable(),
    }),
  ),
  total: z.number().int(),
});
