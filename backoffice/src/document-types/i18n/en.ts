import type { documentTypesFr } from './fr';

export const documentTypesEn: typeof documentTypesFr = {
  name: 'Paper type |||| Paper types',
  fields: {
    code: 'Code',
    label: 'Name',
    theme: 'Theme',
    fields: 'Information to note',
    'fields.key': 'Key',
    'fields.label': 'Label',
    'fields.kind': 'Kind',
    key: 'Key',
    kind: 'Kind',
    validityMonths: 'Usual validity (months)',
    retentionMonths: 'Retention (months)',
  },
  themes: {
    identite: 'Identity',
    sante: 'Health',
    logement: 'Housing',
    ressources: 'Income and CAF',
    emploi: 'Employment',
    impots: 'Taxes',
    famille: 'Family',
    justice: 'Justice',
    vehicule: 'Vehicle',
    autre: 'Other',
  },
  field_kinds: { text: 'Text', date: 'Date', number: 'Number' },
  no_limit: 'No limit',
  years: '1 year |||| %{smart_count} years',
  months: '1 month |||| %{smart_count} months',
  help: {
    code: 'Stable identifier, cannot change.',
    key: 'Letters and digits, no spaces.',
    months: 'Leave empty: no limit.',
  },
};
