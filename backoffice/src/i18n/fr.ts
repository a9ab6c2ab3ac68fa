import frenchMessages from 'ra-language-french';
import type { TranslationMessages } from 'react-admin';

/** Consigne's own strings, merged over react-admin's French translation. French is the default. */
export const fr: TranslationMessages = {
  ...frenchMessages,
  consigne: {
    name: 'Consigne',
    space: 'Espace professionnel',
    login: {
      title: 'Connexion',
      intro: 'Accès réservé aux professionnels des structures partenaires.',
      email: 'Adresse e-mail',
      password: 'Mot de passe',
      submit: 'Se connecter',
      unavailable: 'La connexion n’est pas encore disponible.',
    },
    language: 'Langue',
    validation: { siret: 'Le SIRET compte 14 chiffres, sans espace.' },
  },
  resources: {
    structures: {
      name: 'Structure |||| Structures',
      fields: {
        name: 'Nom',
        kind: 'Type',
        siret: 'SIRET',
        address: 'Adresse',
        contactEmail: 'E-mail de contact',
        contactPhone: 'Téléphone de contact',
        createdAt: 'Créée le',
      },
      kinds: { ccas: 'CCAS', cias: 'CIAS', association: 'Association', other: 'Autre' },
    },
    beneficiaries: {
      name: 'Bénéficiaire |||| Bénéficiaires',
      fields: {
        firstName: 'Prénom',
        lastName: 'Nom',
        birthDate: 'Date de naissance',
        phone: 'Téléphone',
        createdAt: 'Inscrit·e le',
      },
    },
  },
};
