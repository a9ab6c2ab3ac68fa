import { z } from 'zod';
import { listOf, pageQuery, sortQuery } from '../staff/list-query.js';
import { isValidSiret } from './siret.js';
import { structureKinds } from './structure.entity.js';

export const structureIdParams = z.strictObject({ structureId: z.uuid() });

const name = z.string().trim().min(2).max(200);
const kind = z.enum(structureKinds);
const siret = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .refine((value) => /^\d{14}$/.test(value), { message: 'Le SIRET compte 14 chiffres.' })
  .refine(isValidSiret, { message: "Ce numéro SIRET n'est pas valide (sa clé de contrôle est fausse)." })
  .nullable();
const address = z.string().trim().min(1).max(500).nullable();
const contactEmail = z.email().max(254).nullable();
const contactPhone = z
  .string()
  .transform((value) => value.replace(/[\s.-]/g, ''))
  .refine((value) => /^\+?\d{6,19}$/.test(value), { message: 'Numéro de téléphone attendu.' })
  .nullable();

export const createStructureBody = z.strictObject({
  name,
  kind,
  siret: siret.optional(),
  address: address.optional(),
  contactEmail: contactEmail.optional(),
  contactPhone: contactPhone.optional(),
});

export const updateStructureBody = createStructureBody.partial();

/** A structure admin edits the contact details; name, kind and SIRET are the platform admin's. */
export const updateMyStructureBody = z.strictObject({
  address: address.optional(),
  contactEmail: contactEmail.optional(),
  contactPhone: contactPhone.optional(),
});

export const listStructuresQuery = z.strictObject({
  ...pageQuery,
  sort: sortQuery(['name', 'kind', 'createdAt'], 'name'),
  kind: kind.optional(),
  /** Platform admin only: active (default), archived or all. Others only ever see active ones. */
  status: z.enum(['active', 'archived', 'all']).default('active'),
});

export const structureSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind,
  siret: z.string().nullable(),
  address: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const structureListSchema = listOf(structureSchema);
