/** Mirrors `documentThemes` in database/seeds/document-types.ts (the API also lists them with labels). */
export const themeChoices = [
  'identite',
  'sante',
  'logement',
  'ressources',
  'emploi',
  'impots',
  'famille',
  'justice',
  'vehicule',
  'autre',
].map((id) => ({ id, name: `resources.document-types.themes.${id}` }));

export const fieldKindChoices = ['text', 'date', 'number'].map((id) => ({
  id,
  name: `resources.document-types.field_kinds.${id}`,
}));
