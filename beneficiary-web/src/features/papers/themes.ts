import type { MessageKey } from '../../i18n/fr';
import type { IconName } from '../../components/icon';

/** The themes of the document-type referential, in display order, with their icon and name. */
export const themes: readonly { code: string; icon: IconName; label: MessageKey }[] = [
  { code: 'identite', icon: 'identite', label: 'theme.identite' },
  { code: 'sante', icon: 'sante', label: 'theme.sante' },
  { code: 'logement', icon: 'logement', label: 'theme.logement' },
  { code: 'ressources', icon: 'ressources', label: 'theme.ressources' },
  { code: 'emploi', icon: 'emploi', label: 'theme.emploi' },
  { code: 'impots', icon: 'impots', label: 'theme.impots' },
  { code: 'famille', icon: 'famille', label: 'theme.famille' },
  { code: 'justice', icon: 'justice', label: 'theme.justice' },
  { code: 'vehicule', icon: 'vehicule', label: 'theme.vehicule' },
  { code: 'autre', icon: 'autre', label: 'theme.autre' },
];

export const themeOf = (code: string | undefined) => themes.find((theme) => theme.code === code) ?? themes.at(-1)!;
