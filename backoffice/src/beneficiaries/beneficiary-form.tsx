import {
  DateInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  maxLength,
  required,
  type SimpleFormProps,
} from 'react-admin';

export const localeChoices = [
  { id: 'fr', name: 'Français' },
  { id: 'en', name: 'English' },
];

/** Shared by create and edit. The server validates again: these rules only help typing. */
export function BeneficiaryForm({ withPhone, ...props }: Omit<SimpleFormProps, 'children'> & { withPhone: boolean }) {
  return (
    <SimpleForm {...props}>
      <TextInput source="lastName" validate={[required(), maxLength(100)]} autoComplete="off" />
      <TextInput source="firstName" validate={[required(), maxLength(100)]} autoComplete="off" />
      <DateInput source="birthDate" validate={required()} />
      {withPhone ? (
        <TextInput
          source="phone"
          type="tel"
          validate={required()}
          helperText="resources.beneficiaries.help.phone"
          autoComplete="off"
        />
      ) : null}
      <TextInput source="email" type="email" validate={email()} autoComplete="off" />
      <SelectInput source="locale" choices={localeChoices} defaultValue="fr" validate={required()} />
    </SimpleForm>
  );
}
