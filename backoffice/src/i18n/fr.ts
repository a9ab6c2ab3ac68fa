import frenchMessages from 'ra-language-french';
import type { TranslationMessages } from 'react-admin';
import { auditEventsFr } from '../audit-events/i18n/fr';
import { beneficiariesFr } from '../beneficiaries/i18n/fr';
import { documentTypesFr } from '../document-types/i18n/fr';
import { documentsFr } from '../documents/i18n/fr';
import { staffFr } from '../staff/i18n/fr';
import { structureSettingsFr } from '../structure-settings/i18n/fr';
import { structuresFr } from '../structures/i18n/fr';

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
      code_title: 'Code de vérification',
      code_intro:
        'Ouvrez votre application d’authentification et saisissez le code à 6 chiffres affiché pour Consigne.',
      code: 'Code à 6 chiffres',
      verify: 'Valider',
      use_recovery: 'Je n’ai pas mon téléphone : utiliser un code de secours',
      use_totp: 'Utiliser le code de l’application',
      recovery_title: 'Code de secours',
      recovery_intro:
        'Saisissez l’un des 10 codes de secours reçus lors de l’activation de votre compte. Chaque code ne sert qu’une fois.',
      recovery_code: 'Code de secours',
      forgot_link: 'Mot de passe oublié ?',
      forgot_title: 'Mot de passe oublié',
      forgot_intro:
        'Indiquez votre adresse e-mail : si elle correspond à un compte, vous recevrez un lien pour choisir un nouveau mot de passe.',
      forgot_submit: 'Recevoir un lien',
      forgot_sent:
        'Si cette adresse correspond à un compte, un e-mail vient de partir. Le lien est valable peu de temps.',
      back: 'Retour à la connexion',
    },
    session: {
      expired: 'Votre session a pris fin. Reconnectez-vous pour reprendre là où vous en étiez.',
      not_staff: 'Cet espace est réservé aux professionnels.',
    },
    enrolment: {
      title: 'Activer votre compte',
      intro_structure:
        'Bonjour %{name}. Vous êtes invité·e à rejoindre %{structure} sur Consigne, avec le rôle « %{role} ».',
      intro_platform: 'Bonjour %{name}. Vous êtes invité·e à administrer la plateforme Consigne.',
      step_password: '1. Choisissez votre mot de passe',
      password: 'Nouveau mot de passe',
      password_confirm: 'Le même mot de passe, encore une fois',
      rules_title: 'Règles du mot de passe',
      rule_length: 'Au moins %{count} caractères (une phrase facile à retenir convient très bien)',
      rule_common: 'Pas un mot de passe trop courant (ils sont refusés)',
      rule_match: 'Les deux saisies sont identiques',
      rule_met: 'respectée',
      rule_not_met: 'pas encore respectée',
      next: 'Continuer',
      step_totp: '2. Reliez votre application d’authentification',
      totp_intro:
        'Dans votre application (Aegis, FreeOTP, Google Authenticator, Microsoft Authenticator…), ajoutez un compte en scannant ce QR code, ou en tapant la clé ci-dessous. Saisissez ensuite le code à 6 chiffres affiché.',
      qr_alt: 'QR code à scanner avec votre application d’authentification',
      secret_label: 'Clé à taper à la main',
      confirm_code: 'Valider le code',
      codes_title: '3. Gardez vos codes de secours',
      codes_intro:
        'Si vous perdez votre téléphone, chacun de ces codes permet de vous connecter une fois. Imprimez-les ou enregistrez-les dans un endroit sûr : ils ne seront plus affichés.',
      codes_file_title: 'Consigne — codes de secours de %{email}',
      print: 'Imprimer',
      download: 'Télécharger (.txt)',
      copy: 'Copier',
      codes_saved: 'J’ai mis mes codes de secours en lieu sûr',
      continue: 'Accéder à l’espace professionnel',
      invalid_title: 'Ce lien ne fonctionne pas',
      invalid_help: 'Demandez une nouvelle invitation à la personne qui gère votre structure.',
      to_login: 'Aller à la connexion',
      join_title: 'Rejoindre une structure',
      join_intro: 'Vous êtes invité·e à rejoindre %{structure} %{as}.',
      join_account:
        'Cette invitation est destinée au compte %{email}. Rien ne change tant que vous ne l’avez pas acceptée.',
      join_sign_in_first: 'Connectez-vous d’abord avec ce compte : vous reviendrez ensuite sur cette page.',
      join_sign_in: 'Me connecter pour accepter',
      join_submit: 'Rejoindre %{structure} %{as}',
      join_as: { admin: 'en tant qu’administrateur·rice', referent: 'en tant que référent·e' },
    },
    reset: {
      title: 'Nouveau mot de passe',
      submit: 'Enregistrer le mot de passe',
      done: 'Mot de passe enregistré. Connectez-vous avec votre nouveau mot de passe et votre code.',
    },
    roles: { admin: 'Administrateur·rice', referent: 'Référent·e', platform: 'Équipe Consigne' },
    structure_switcher: { label: 'Structure' },
    settings: { menu: 'Réglages' },
    errors: {
      network: 'Le serveur ne répond pas. Vérifiez la connexion internet et réessayez.',
      not_found: 'Cette ressource n’existe pas ou ne vous est pas accessible.',
    },
    language: 'Langue',
    validation: { siret: 'Le SIRET compte 14 chiffres, sans espace.' },
  },
  resources: {
    beneficiaries: beneficiariesFr,
    documents: documentsFr,
    staff: staffFr,
    structures: structuresFr,
    'structure-settings': structureSettingsFr,
    'audit-events': auditEventsFr,
    'document-types': documentTypesFr,
  },
};
