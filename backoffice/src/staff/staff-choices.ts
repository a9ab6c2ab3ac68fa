export const roleChoices = [
  { id: 'referent', name: 'consigne.roles.referent' },
  { id: 'admin', name: 'consigne.roles.admin' },
];

export const statusChoices = [
  { id: 'active', name: 'resources.staff.status.active' },
  { id: 'invited', name: 'resources.staff.status.invited' },
  { id: 'deactivated', name: 'resources.staff.status.deactivated' },
];
