import { DateField, EmailField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { structureKindChoices } from './structure-kinds';

export function StructureShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <SelectField source="kind" choices={structureKindChoices} />
        <TextField source="siret" />
        <TextField source="address" />
        <EmailField source="contactEmail" />
        <TextField source="contactPhone" />
        <DateField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}
