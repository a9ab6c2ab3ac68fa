import BadgeIcon from '@mui/icons-material/Badge';
import type { ResourceProps } from 'react-admin';
import { StaffCreate } from './staff-create';
import { StaffList } from './staff-list';

/** The staff of the active structure (structure admin). Creating = inviting by e-mail. */
const staff: Omit<ResourceProps, 'name'> = {
  list: StaffList,
  create: StaffCreate,
  icon: BadgeIcon,
  recordRepresentation: 'displayName',
};

export default staff;
