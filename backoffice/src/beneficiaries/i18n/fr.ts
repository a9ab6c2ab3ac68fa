export const beneficiariesFr = {
  name: 'Bénéficiaire |||| Bénéficiaires',
  fields: {
    firstName: 'Prénom',
    lastName: 'Nom',
    birthDate: 'Date de naissance',
    phone: 'Téléphone portable',
    email: 'E-mail (facultatif)',
    locale: 'Langue des messages',
    status: 'Compte',
    createdAt: 'Inscrit·e le',
  },
  filters: { search: 'Nom ou téléphone', status: 'État du compte' },
  status: { active: 'Actif', locked: 'Bloqué' },
  help: {
    phone: 'Un numéro de portable français : la personne y reçoit ses codes de connexion.',
    identity: 'Pour corriger le nom, la date de naissance, l’e-mail ou la langue : « Modifier ».',
  },
  sections: {
    identity: 'Identité',
    account: 'Compte et connexion',
    follows: 'Structures qui l’accompagnent',
  },
  account: {
    locked: 'Compte bloqué',
    locked_since: 'depuis le %{date}',
    reason: 'Raison : %{reason}',
    unlocked: 'Le compte n’est pas bloqué.',
    sessions: 'Aucun appareil connecté |||| 1 appareil connecté |||| %{smart_count} appareils connectés',
    emergency_codes:
      'Pas de carte d’urgence en cours |||| 1 code de carte d’urgence restant |||| %{smart_count} codes de carte d’urgence restants',
  },
  lock_reasons: { too_many_failed_codes: 'trop de codes faux saisis' },
  follows: {
    yours: 'votre structure',
    since: 'depuis le %{date}',
    active: 'Suivi actif',
    pending: 'En attente d’accord',
  },
  actions: {
    create: 'Ouvrir un coffre-fort',
    edit: 'Modifier',
    unlock: 'Débloquer',
    revoke_sessions: 'Déconnecter tous ses appareils',
    emergency_card: 'Imprimer une nouvelle carte d’urgence',
    change_phone: 'Changer de numéro de téléphone',
  },
  confirm: {
    revoke_title: 'Déconnecter tous ses appareils ?',
    revoke_content: 'La personne devra se reconnecter avec un code reçu par SMS sur chaque téléphone ou ordinateur.',
  },
  card: {
    title: 'Imprimer une nouvelle carte d’urgence',
    intro:
      'À faire avec la personne présente. La carte contient 10 codes à usage unique pour ouvrir son coffre-fort sans SMS : remettez-la en main propre. L’ancienne carte ne fonctionnera plus, et la personne recevra un SMS l’informant qu’une carte a été imprimée.',
    totp: 'Votre code d’authentification',
    totp_help: 'Le code à 6 chiffres de votre application, pour confirmer que c’est bien vous.',
    submit: 'Imprimer la carte',
  },
  phone: {
    title: 'Changer de numéro',
    intro:
      'À faire avec la personne présente. Numéro actuel : %{phone}. Tous ses appareils seront déconnectés et les deux numéros recevront un message.',
    new_phone: 'Nouveau numéro de portable',
    totp: 'Votre code d’authentification',
    totp_help: 'Le code à 6 chiffres de votre application, pour confirmer que c’est bien vous.',
    submit: 'Changer le numéro',
  },
  duplicate: {
    title: 'Ce coffre-fort existe peut-être déjà',
    matched_phone: 'Un compte existe déjà avec ce numéro de téléphone.',
    matched_identity: 'Un compte existe déjà avec les mêmes nom, prénom et date de naissance.',
    follow_intro:
      'Vous pouvez demander à accompagner cette personne. Elle doit donner son accord : dans son application, ou tout de suite au guichet avec un code reçu par SMS.',
    open_existing: 'Ouvrir son dossier',
    someone_else: 'C’est une autre personne : créer quand même',
    ask_app: 'Demander dans son application',
    ask_desk: 'Elle est présente : code par SMS',
    desk_intro: 'Un code vient d’être envoyé par SMS à la personne. Demandez-lui de vous le lire.',
    desk_code: 'Code reçu par la personne',
    desk_confirm: 'Valider le code',
  },
  notify: {
    created_sms: 'Coffre-fort ouvert. Le SMS de bienvenue est parti.',
    created_no_sms: 'Coffre-fort ouvert, mais le SMS de bienvenue n’a pas pu partir. Donnez le lien à la personne.',
    follow_requested_app: 'Demande envoyée : la personne répondra dans son application.',
    follow_confirmed: 'C’est fait : votre structure accompagne maintenant cette personne.',
    unlocked: 'Compte débloqué.',
    sessions_revoked:
      'Aucun appareil à déconnecter. |||| 1 appareil déconnecté. |||| %{smart_count} appareils déconnectés.',
    card_issued: 'Nouvelle carte d’urgence téléchargée : imprimez-la et remettez-la à la personne.',
    phone_changed: 'Numéro changé. Tous ses appareils ont été déconnectés.',
  },
};
