import type { staffFr } from './fr';

export const staffEn: typeof staffFr = {
  name: 'Team |||| Team',
  fields: {
    displayName: 'Name',
    email: 'Email address',
    role: 'Role',
    status: 'Status',
    locale: 'Language',
    joinedAt: 'Since',
    actions: 'Actions',
  },
  status: { active: 'Active', invited: 'Invitation sent', deactivated: 'Deactivated' },
  actions: { invite: 'Invite someone', deactivate: 'Deactivate', reactivate: 'Reactivate', remove: 'Remove' },
  confirm: {
    deactivate_title: 'Deactivate %{name}?',
    deactivate_content: 'They are signed out at once and can no longer act for your organisation.',
    reactivate_title: 'Reactivate %{name}?',
    reactivate_content: 'They will be able to sign in and act for your organisation again.',
    remove_title: 'Remove %{name} from the organisation?',
    remove_content: 'They are signed out at once and no longer belong to the organisation.',
  },
  notify: {
    invited: 'Invitation sent to %{email}.',
    role_changed: 'Role changed.',
    deactivated: '%{name} is deactivated and signed out.',
    reactivated: '%{name} is reactivated.',
    removed: '%{name} no longer belongs to the organisation.',
  },
};
