import { EntitySchema } from 'typeorm';
import { timestampColumns } from '../shared/entity-columns.js';

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
    id: { type: 'varchar', length: 36, primary: true },
    name: { type: 'varchar', length: 200 },
    kind: { type: 'varchar', length: 20 },
    siret: { type: 'varchar', length: 14, nullable: true },
    address: { type: 'text', nullable: true },
    contactEmail: { type: 'varchar', length: 254, nullable: true },
    contactPhone: { type: 'varchar', length: 20, nullable: true },
    archivedAt: { type: 'datetime', precision: 3, nullable: true },
    ...timestampColumns,
  },
});
