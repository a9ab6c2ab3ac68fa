import CategoryIcon from '@mui/icons-material/Category';
import type { ResourceProps } from 'react-admin';
import { DocumentTypeEdit } from './document-type-edit';
import { DocumentTypeList } from './document-type-list';

/** The referential of French papers (platform admin): fields, usual validity, retention. */
const documentTypes: Omit<ResourceProps, 'name'> = {
  list: DocumentTypeList,
  edit: DocumentTypeEdit,
  icon: CategoryIcon,
  recordRepresentation: 'label',
};

export default documentTypes;
