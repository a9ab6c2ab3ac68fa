import { EntitySchema } from 'typeorm';
import { nullableTimestamp, primaryUuid, timestampColumns, varchar } from '../shared/entity-columns.js';

export const structureKinds = ['ccas', 'cias', 'association', 'other'] as const;
export type StructureKind = (typeof structureKinds)[number];

export interface Structure {
  id: string;
  name: string;
  kind: StructureKind;
  siret: string | null;
  address: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const StructureEntity = new EntitySchema<Structure>({
  name: 'Structure',
  tableName: 'structures',
  columns: {
    id: primaryUuid,
    name: varchar(200),
    kind: varchar(20),
    siret: varchar(14, true),
    address: { type: 'text', nullable: true },
    contactEmail: varchar(254, true),
    contactPhone: varchar(20, true),
    archivedAt: nullableTimestamp,
    ...timestampColumns,
  },
});
