import { SelectInput, SimpleForm, TextInput, email, maxLength, required } from 'react-admin';
import { structureKindChoices } from './structure-kinds';

/** Empty, or the 14 digits of a SIRET number. */
const siret = (value: unknown) =>
  typeof value === 'string' && value !== '' && !/^\d{14}$/.test(value) ? 'consigne.validation.siret' : undefined;

/** Shared by create and edit. The server validates again: these rules only help typing. */
export function StructureForm() {
  return (
    <SimpleForm>
      <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
      <SelectInput source="kind" choices={structureKindChoices} validate={required()} />
      <TextInput source="siret" validate={siret} />
      <TextInput source="address" multiline fullWidth />
      <TextInput source="contactEmail" type="email" validate={email()} />
      <TextInput source="contactPhone" type="tel" />
    </SimpleForm>
  );
}
