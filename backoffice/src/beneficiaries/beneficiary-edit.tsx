import { Edit } from 'react-admin';
import { BeneficiaryForm } from './beneficiary-form';

export function BeneficiaryEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <BeneficiaryForm />
    </Edit>
  );
}
