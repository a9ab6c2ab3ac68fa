import PeopleIcon from '@mui/icons-material/People';
import type { RaRecord, ResourceProps } from 'react-admin';
import { BeneficiaryCreate } from './beneficiary-create';
import { BeneficiaryEdit } from './beneficiary-edit';
import { BeneficiaryList } from './beneficiary-list';
import { BeneficiaryShow } from './beneficiary-show';

const beneficiaries: Omit<ResourceProps, 'name'> = {
  list: BeneficiaryList,
  show: BeneficiaryShow,
  edit: BeneficiaryEdit,
  create: BeneficiaryCreate,
  icon: PeopleIcon,
  recordRepresentation: (record: RaRecord) =>
    `${String(record.firstName ?? '')} ${String(record.lastName ?? '')}`.trim(),
};

export default beneficiaries;
