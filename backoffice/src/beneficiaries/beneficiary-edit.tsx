import { Edit } from 'react-admin';
import { BeneficiaryForm } from './beneficiary-form';

/** Corrects identity, e-mail and language. The phone changes on the show page (TOTP re-entry). */
export function BeneficiaryEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <BeneficiaryForm withPhone={false} />
    </Edit>
  );
}
