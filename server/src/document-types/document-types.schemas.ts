import { documentThemes } from '@consigne/database/seeds/document-types';
import { z } from 'zod';

const themeCodes = documentThemes.map((t) => t.code) as [string, ...string[]];
export const themeCode = z.enum(themeCodes);

const label = z
  .string()
  .trim()
  .min(1, { message: 'Ce champ est obligatoire.' })
  .max(160)
  .regex(/^[^\p{Cc}]+$/u, { message: 'Caractères non autorisés.' });

export const fieldDefinition = z.strictObject({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, { message: 'Clé attendue : lettres et chiffres, sans espace.' }),
  label: label.max(80),
  kind: z.enum(['text', 'date', 'number']),
});

const fields = z
  .array(fieldDefinition)
  .max(12)
  .refine((list) => new Set(list.map((f) => f.key)).size === list.length, { message: 'Deux champs ont la même clé.' });

const months = z.number().int().min(1).max(1200).nullable();

export const typeIdParams = z.strictObject({ typeId: z.uuid() });

export const listDocumentTypesQuery = z.strictObject({ theme: themeCode.optional() });

export const updateDocumentTypeBody = z
  .strictObject({
    label: label.optional(),
    theme: themeCode.optional(),
    fields: fields.optional(),
    validityMonths: months.optional(),
    retentionMonths: months.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Rien à modifier.' });

export const createDocumentTypeBody = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { message: 'Code attendu : minuscules, chiffres et tirets.' }),
  label,
  theme: themeCode,
  fields: fields.default([]),
  validityMonths: months.default(null),
  retentionMonths: months.default(null),
});

export const documentTypeSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  theme: z.string(),
  label: z.string(),
  fields: z.array(z.object({ key: z.string(), label: z.string(), kind: z.string() })),
  validityMonths: z.number().int().nullable(),
  retentionMonths: z.number().int().nullable(),
});

export const documentTypeListSchema = z.object({
  data: z.array(documentTypeSchema),
  themes: z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int() })),
});
