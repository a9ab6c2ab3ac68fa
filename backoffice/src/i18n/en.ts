import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

export const en: TranslationMessages = {
  ...englishMessages,
  consigne: {
    name: 'Consigne',
    space: 'Staff area',
    login: {
      title: 'Sign in',
      intro: 'For staff of partner organisations only.',
      email: 'Email address',
      password: 'Password',
      submit: 'Sign in',
      unavailable: 'Signing in is not available yet.',
    },
    language: 'Language',
    validation: { siret: 'A SIRET number has 14 digits, without spaces.' },
  },
  resources: {
    structures: {
      name: 'Organisation |||| Organisations',
      fields: {
        name: 'Name',
        kind: 'Type',
        siret: 'SIRET',
        address: 'Address',
        contactEmail: 'Contact email',
        contactPhone: 'Contact phone',
        createdAt: 'Created on',
      },
      kinds: { ccas: 'CCAS', cias: 'CIAS', association: 'Charity', other: 'Other' },
    },
    beneficiaries: {
      name: 'Beneficiary |||| Beneficiaries',
      fields: {
        firstName: 'First name',
        lastName: 'Last name',
        birthDate: 'Date of birth',
        phone: 'Phone',
        createdAt: 'Registered on',
      },
    },
  },
};
