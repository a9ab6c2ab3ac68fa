import ApartmentIcon from '@mui/icons-material/Apartment';
import type { ResourceProps } from 'react-admin';
import { StructureCreate } from './structure-create';
import { StructureEdit } from './structure-edit';
import { StructureList } from './structure-list';
import { StructureShow } from './structure-show';

/** CCAS, CIAS and associations (platform admin). */
const structures: Omit<ResourceProps, 'name'> = {
  list: StructureList,
  show: StructureShow,
  edit: StructureEdit,
  create: StructureCreate,
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};

export default structures;
