import {
  Create,
  HttpError,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  maxLength,
  required,
  useNotify,
  useRedirect,
} from 'react-admin';
import { errorMessage } from '../layout/use-action';
import type { Body, Json } from '../providers/api-types';
import { apiFetch } from '../providers/http';
import { roleChoices } from './staff-choices';

const localeChoices = [
  { id: 'fr', name: 'Français' },
  { id: 'en', name: 'English' },
];

/**
 * Invite someone by e-mail into the active structure; they choose their password from the link (or,
 * with an account already, accept to join). The answer is the same whatever the address — it never
 * says whether an account exists, and carries no staff id — so it is posted here rather than through
 * `dataProvider.create`, and the notification names the address typed.
 */
export function StaffCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const invite = async (values: Partial<Body<'inviteStaff'>>) => {
    try {
      await apiFetch<Json<'inviteStaff'>>('/staff/invitations', { method: 'POST', body: JSON.stringify(values) });
    } catch (error) {
      // The server's field messages go under the inputs, as react-admin does for a create.
      if (error instanceof HttpError && (error.body as { errors?: Record<string, string> } | null)?.errors)
        return (error.body as { errors: Record<string, string> }).errors;
      notify(errorMessage(error), { type: 'error' });
      return undefined;
    }
    notify('resources.staff.notify.invited', { type: 'success', messageArgs: { email: values.email ?? '' } });
    redirect('list', 'staff');
    return undefined;
  };
  return (
    <Create title="resources.staff.actions.invite">
      <SimpleForm onSubmit={invite}>
        <TextInput source="displayName" validate={[required(), maxLength(120)]} autoComplete="off" />
        <TextInput source="email" type="email" validate={[required(), email()]} autoComplete="off" />
        <SelectInput source="role" choices={roleChoices} defaultValue="referent" validate={required()} />
        <SelectInput source="locale" choices={localeChoices} defaultValue="fr" validate={required()} />
      </SimpleForm>
    </Create>
  );
}
