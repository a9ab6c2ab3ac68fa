import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { notFound } from '../http/errors.js';
import type { Actor } from '../policies/actor.js';
import type { Clock } from '../shared/clock.js';
import { containsPattern, offsetOf } from '../staff/list-query.js';
import { StaffMembershipEntity } from '../staff/staff.entity.js';
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

/** The structures a staff member may see: all for a platform admin, else those they actively belong to. */
export async function listVisibleStructures(
  em: EntityManager,
  actor: Actor,
  query: StructureListQuery,
): Promise<{ rows: Structure[]; total: number }> {
  if (actor.kind !== 'staff') return { rows: [], total: 0 };
  const qb = em.getRepository(StructureEntity).createQueryBuilder('st');
  if (!actor.platformAdmin) {
    qb.innerJoin(
      StaffMembershipEntity.options.name,
      'm',
      'm.structureId = st.id AND m.staffId = :staffId AND m.deactivatedAt IS NULL',
      {
        staffId: actor.staffId,
      },
    ).andWhere('st.archivedAt IS NULL');
  } else if (query.status === 'active') qb.andWhere('st.archivedAt IS NULL');
  else if (query.status === 'archived') qb.andWhere('st.archivedAt IS NOT NULL');
  if (query.kind) qb.andWhere('st.kind = :kind', { kind: query.kind });
  if (query.q)
    qb.andWhere("(LOWER(st.name) LIKE :q ESCAPE '!' OR st.siret LIKE :q ESCAPE '!')", { q: containsPattern(query.q) });
  const [rows, total] = await qb
    .orderBy(`st.${query.sort.field}`, query.sort.order)
    .addOrderBy('st.id', 'ASC')
    .offset(offsetOf(query))
    .limit(query.perPage)
    .getManyAndCount();
  return { rows, total };
}

export interface StructureListQuery {
  page: number;
  perPage: number;
  q?: string | undefined;
  kind?: StructureKind | undefined;
  status: 'active' | 'archived' | 'all';
  sort: { field: 'name' | 'kind' | 'createdAt'; order: 'ASC' | 'DESC' };
}

/** A structure the staff actor may see (platform admin: any; others: one they actively belong to), else 404. */
export async function findVisibleStructure(em: EntityManager, actor: Actor, structureId: string): Promise<Structure> {
  const structure = await em.getRepository(StructureEntity).findOneBy({ id: structureId });
  if (!structure || actor.kind !== 'staff') throw notFound();
  if (actor.platformAdmin) return structure;
  const member = await em
    .getRepository(StaffMembershipEntity)
    .existsBy({ structureId, staffId: actor.staffId, deactivatedAt: IsNull() });
  if (!member || structure.archivedAt) throw notFound();
  return structure;
}

export async function updateStructure(
  em: EntityManager,
  clock: Clock,
  structure: Structure,
  patch: Partial<StructureInput>,
): Promise<{ structure: Structure; changed: string[] }> {
  const changed = (Object.keys(patch) as (keyof StructureInput)[]).filter(
    (key) => patch[key] !== undefined && patch[key] !== structure[key],
  );
  if (changed.length === 0) return { structure, changed };
  const values = Object.fromEntries(changed.map((key) => [key, patch[key] ?? null])) as Partial<Structure>;
  const updatedAt = clock.now();
  await em.getRepository(StructureEntity).update({ id: structure.id }, { ...values, updatedAt });
  return { structure: { ...structure, ...values, updatedAt }, changed };
}

export async function archiveStructure(em: EntityManager, clock: Clock, structure: Structure): Promise<Structure> {
  if (structure.archivedAt) return structure;
  const now = clock.now();
  await em.getRepository(StructureEntity).update({ id: structure.id }, { archivedAt: now, updatedAt: now });
  return { ...structure, archivedAt: now, updatedAt: now };
}
