/** Mirrors `structureKinds` in server/src/structures/structure.entity.ts. */
export const structureKindChoices = ['ccas', 'cias', 'association', 'other'].map((id) => ({
  id,
  name: `resources.structures.kinds.${id}`,
}));
