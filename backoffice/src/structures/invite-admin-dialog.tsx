import { MenuItem, TextField } from '@mui/material';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { Structure } from '../providers/api-types';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { FormDialog } from '../layout/action-dialog';
import { formText } from '../layout/form-text';
import { useAction } from '../layout/use-action';

/** The platform admin invites the first admin of a structure by e-mail (72-hour single-use link). */
export function InviteAdminDialog({ structure, onClose }: { structure: Structure; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const { busy, error, submit } = useAction();

  return (
    <FormDialog
      titleId="invite-admin-title"
      formId="invite-admin-form"
      title="resources.structures.actions.invite_admin"
      intro={translate('resources.structures.invite_intro', { name: structure.name })}
      submitLabel="resources.structures.actions.send_invitation"
      busy={busy}
      error={error}
      onSubmit={submit(async (form) => {
        // The answer is the same whatever the address (it never says whether an account exists).
        const email = formText(form, 'email').trim();
        await dataProvider.inviteStructureAdmin(structure.id, {
          email,
          displayName: formText(form, 'displayName').trim(),
          locale: form.get('locale') === 'en' ? 'en' : 'fr',
        });
        notify('resources.staff.notify.invited', { type: 'success', messageArgs: { email } });
        onClose();
      })}
      onClose={onClose}
    >
      <TextField
        id="invite-name"
        name="displayName"
        label={translate('resources.staff.fields.displayName')}
        required
        autoFocus
      />
      <TextField
        id="invite-email"
        name="email"
        type="email"
        label={translate('resources.staff.fields.email')}
        required
      />
      <TextField
        id="invite-locale"
        name="locale"
        select
        label={translate('resources.staff.fields.locale')}
        defaultValue="fr"
      >
        <MenuItem value="fr">Français</MenuItem>
        <MenuItem value="en">English</MenuItem>
      </TextField>
    </FormDialog>
  );
}
