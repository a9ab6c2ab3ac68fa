import { StructureEntity } from './structures/structure.entity.js';

/** Every entity the DataSource knows; each lives in its domain folder. */
export const entities = [StructureEntity];
