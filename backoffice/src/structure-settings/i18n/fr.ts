export const structureSettingsFr = {
  name: 'Réglages de la structure',
  title: 'Réglages de la structure',
  platform_fields: 'Le nom, le type et le SIRET sont gérés par l’équipe Consigne.',
  saved: 'Réglages enregistrés.',
  nothing_changed: 'Rien n’a changé.',
};
