import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Clock } from '../shared/clock.js';
import { StructureEntity, type Structure, type StructureKind } from './structure.entity.js';

export interface StructureInput {
  name: string;
  kind: StructureKind;
  siret?: string | null;
  address?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
}

export async function createStructure(em: EntityManager, clock: Clock, input: StructureInput): Promise<Structure> {
  const now = clock.now();
  const structure: Structure = {
    id: randomUUID(),
    name: input.name,
    kind: input.kind,
    siret: input.siret ?? null,
    address: input.address ?? null,
    contactEmail: input.contactEmail ?? null,
    contactPhone: input.contactPhone ?? null,
    archivedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await em.getRepository(StructureEntity).insert(structure);
  return structure;
}

export function findStructureByName(em: EntityManager, name: string): Promise<Structure | null> {
  return em.getRepository(StructureEntity).findOneBy({ name });
}
