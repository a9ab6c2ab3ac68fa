import { Create } from 'react-admin';
import { BeneficiaryForm } from './beneficiary-form';

export function BeneficiaryCreate() {
  return (
    <Create redirect="show">
      <BeneficiaryForm />
    </Create>
  );
}
