import { DateInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';

/** Shared by create and edit. The server validates again: these rules only help typing. */
export function BeneficiaryForm() {
  return (
    <SimpleForm>
      <TextInput source="lastName" validate={[required(), maxLength(100)]} />
      <TextInput source="firstName" validate={[required(), maxLength(100)]} />
      <DateInput source="birthDate" />
      <TextInput source="phone" type="tel" validate={required()} />
    </SimpleForm>
  );
}
