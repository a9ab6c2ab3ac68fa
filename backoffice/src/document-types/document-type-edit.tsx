import {
  ArrayInput,
  Edit,
  Labeled,
  NumberInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextField,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { fieldKindChoices, themeChoices } from './document-themes';

const months = [minValue(1), maxValue(1200)];

/** Same rule as the server: a letter, then letters and digits. */
const fieldKey = (value: unknown) =>
  typeof value === 'string' && !/^[a-zA-Z][a-zA-Z0-9]{0,39}$/.test(value)
    ? 'resources.document-types.help.key'
    : undefined;

/** Label, theme, the fields a person may note, usual validity and retention (empty = none). */
export function DocumentTypeEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <Labeled source="code">
          <TextField source="code" />
        </Labeled>
        <TextInput source="label" validate={[required(), maxLength(160)]} />
        <SelectInput source="theme" choices={themeChoices} validate={required()} />
        <ArrayInput source="fields">
          <SimpleFormIterator inline disableReordering={false}>
            <TextInput source="key" validate={[required(), fieldKey]} helperText={false} />
            <TextInput source="label" validate={[required(), maxLength(80)]} helperText={false} />
            <SelectInput source="kind" choices={fieldKindChoices} validate={required()} helperText={false} />
          </SimpleFormIterator>
        </ArrayInput>
        <NumberInput
          source="validityMonths"
          min={1}
          max={1200}
          validate={months}
          helperText="resources.document-types.help.months"
        />
        <NumberInput
          source="retentionMonths"
          min={1}
          max={1200}
          validate={months}
          helperText="resources.document-types.help.months"
        />
      </SimpleForm>
    </Edit>
  );
}
