export const staffFr = {
  name: 'Équipe |||| Équipe',
  fields: {
    displayName: 'Nom',
    email: 'Adresse e-mail',
    role: 'Rôle',
    status: 'État',
    locale: 'Langue',
    joinedAt: 'Depuis le',
    actions: 'Actions',
  },
  status: { active: 'Actif', invited: 'Invitation envoyée', deactivated: 'Désactivé' },
  actions: {
    invite: 'Inviter une personne',
    deactivate: 'Désactiver',
    reactivate: 'Réactiver',
    remove: 'Retirer',
  },
  confirm: {
    deactivate_title: 'Désactiver %{name} ?',
    deactivate_content: 'Cette personne est déconnectée tout de suite et ne peut plus agir pour votre structure.',
    reactivate_title: 'Réactiver %{name} ?',
    reactivate_content: 'Cette personne pourra de nouveau se connecter et agir pour votre structure.',
    remove_title: 'Retirer %{name} de la structure ?',
    remove_content: 'Cette personne est déconnectée tout de suite et ne fait plus partie de la structure.',
  },
  notify: {
    invited: 'Invitation envoyée à %{email}.',
    role_changed: 'Rôle modifié.',
    deactivated: '%{name} est désactivé·e et déconnecté·e.',
    reactivated: '%{name} est réactivé·e.',
    removed: '%{name} ne fait plus partie de la structure.',
  },
};
