import {
  Create,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  maxLength,
  required,
  useNotify,
  useRedirect,
} from 'react-admin';
import type { Json } from '../providers/api-types';
import { roleChoices } from './staff-choices';

const localeChoices = [
  { id: 'fr', name: 'Français' },
  { id: 'en', name: 'English' },
];

/** Invite someone by e-mail into the active structure; they choose their password from the link. */
export function StaffCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      title="resources.staff.actions.invite"
      mutationOptions={{
        onSuccess: (data: Json<'inviteStaff'>) => {
          notify(data.invitationSent ? 'resources.staff.notify.invited' : 'resources.staff.notify.added', {
            type: 'success',
            messageArgs: { email: data.email },
          });
          redirect('list', 'staff');
        },
      }}
    >
      <SimpleForm>
        <TextInput source="displayName" validate={[required(), maxLength(120)]} autoComplete="off" />
        <TextInput source="email" type="email" validate={[required(), email()]} autoComplete="off" />
        <SelectInput source="role" choices={roleChoices} defaultValue="referent" validate={required()} />
        <SelectInput source="locale" choices={localeChoices} defaultValue="fr" validate={required()} />
      </SimpleForm>
    </Create>
  );
}
