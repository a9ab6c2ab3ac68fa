import type { z } from 'zod';
import type { Structure } from './structure.entity.js';
import type { structureSchema } from './structure.schemas.js';

export function presentStructure(s: Structure): z.output<typeof structureSchema> {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    siret: s.siret,
    address: s.address,
    contactEmail: s.contactEmail,
    contactPhone: s.contactPhone,
    archivedAt: s.archivedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
