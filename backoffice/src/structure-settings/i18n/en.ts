import type { structureSettingsFr } from './fr';

export const structureSettingsEn: typeof structureSettingsFr = {
  name: 'Organisation settings',
  title: 'Organisation settings',
  platform_fields: 'The name, type and SIRET are managed by the Consigne team.',
  saved: 'Settings saved.',
  nothing_changed: 'Nothing changed.',
};
