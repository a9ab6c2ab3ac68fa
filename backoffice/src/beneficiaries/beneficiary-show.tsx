import { DateField, Show, SimpleShowLayout, TextField } from 'react-admin';

export function BeneficiaryShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="lastName" />
        <TextField source="firstName" />
        <DateField source="birthDate" />
        <TextField source="phone" />
        <DateField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}
