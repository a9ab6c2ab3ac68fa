import { SelectInput, SimpleForm, TextInput, email, maxLength, minLength, required } from 'react-admin';
import { structureKindChoices } from './structure-kinds';

/** Empty, or the 14 digits of a SIRET number (the server also checks its key). */
export const siret = (value: unknown) =>
  typeof value === 'string' && value !== '' && !/^\d{14}$/.test(value.replace(/\s/g, ''))
    ? 'consigne.validation.siret'
    : undefined;

/** Shared by create and edit. The server validates again: these rules only help typing. */
export function StructureForm() {
  return (
    <SimpleForm>
      <TextInput source="name" validate={[required(), minLength(2), maxLength(200)]} />
      <SelectInput source="kind" choices={structureKindChoices} validate={required()} />
      <TextInput source="siret" validate={siret} />
      <TextInput source="address" multiline />
      <TextInput source="contactEmail" type="email" validate={email()} />
      <TextInput source="contactPhone" type="tel" />
    </SimpleForm>
  );
}
