export const structuresFr = {
  name: 'Structure |||| Structures',
  fields: {
    name: 'Nom',
    kind: 'Type',
    siret: 'SIRET',
    address: 'Adresse',
    contactEmail: 'E-mail de contact',
    contactPhone: 'Téléphone de contact',
    status: 'État',
    createdAt: 'Créée le',
  },
  kinds: { ccas: 'CCAS', cias: 'CIAS', association: 'Association', other: 'Autre' },
  status: { active: 'Active', archived: 'Archivée', all: 'Toutes' },
  archived_notice: 'Cette structure est archivée : son équipe ne peut plus agir pour elle.',
  invite_intro: 'La personne reçoit un lien par e-mail (valable 72 heures) pour devenir administratrice de %{name}.',
  actions: {
    archive: 'Archiver',
    invite_admin: 'Inviter un·e administrateur·rice',
    send_invitation: 'Envoyer l’invitation',
  },
  confirm: {
    archive_title: 'Archiver %{name} ?',
    archive_content:
      'Son équipe ne pourra plus agir pour cette structure. Les coffres-forts des personnes ne sont pas touchés.',
  },
  notify: { archived: 'Structure archivée.' },
};
