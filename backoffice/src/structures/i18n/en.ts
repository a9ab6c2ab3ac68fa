import type { structuresFr } from './fr';

export const structuresEn: typeof structuresFr = {
  name: 'Organisation |||| Organisations',
  fields: {
    name: 'Name',
    kind: 'Type',
    siret: 'SIRET',
    address: 'Address',
    contactEmail: 'Contact email',
    contactPhone: 'Contact phone',
    status: 'Status',
    createdAt: 'Created on',
  },
  kinds: { ccas: 'CCAS', cias: 'CIAS', association: 'Charity', other: 'Other' },
  status: { active: 'Active', archived: 'Archived', all: 'All' },
  archived_notice: 'This organisation is archived: its team can no longer act for it.',
  invite_intro: 'They receive a link by email (valid 72 hours) to become an administrator of %{name}.',
  actions: { archive: 'Archive', invite_admin: 'Invite an administrator', send_invitation: 'Send the invitation' },
  confirm: {
    archive_title: 'Archive %{name}?',
    archive_content: 'Its team will no longer act for it. People’s vaults are not affected.',
  },
  notify: { archived: 'Organisation archived.' },
};
