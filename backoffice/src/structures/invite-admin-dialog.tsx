import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { Structure } from '../providers/api-types';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { formText } from '../layout/form-text';

/** The platform admin invites the first admin of a structure by e-mail (72-hour single-use link). */
export function InviteAdminDialog({ structure, onClose }: { structure: Structure; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    dataProvider
      .inviteStructureAdmin(structure.id, {
        email: formText(form, 'email').trim(),
        displayName: formText(form, 'displayName').trim(),
        locale: form.get('locale') === 'en' ? 'en' : 'fr',
      })
      .then((data) => {
        notify(data.invitationSent ? 'resources.staff.notify.invited' : 'resources.staff.notify.added', {
          type: 'success',
          messageArgs: { email: data.email },
        });
        onClose();
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : 'ra.notification.http_error'))
      .finally(() => setBusy(false));
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="invite-admin-title" maxWidth="sm" fullWidth>
      <DialogTitle id="invite-admin-title">{translate('resources.structures.actions.invite_admin')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="invite-admin-form" spacing={2} onSubmit={submit} sx={{ pt: 1 }}>
          <Typography>{translate('resources.structures.invite_intro', { name: structure.name })}</Typography>
          {error ? (
            <Alert severity="error" role="alert">
              {translate(error, { _: error })}
            </Alert>
          ) : null}
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
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button type="submit" form="invite-admin-form" variant="contained" disabled={busy}>
          {translate('resources.structures.actions.send_invitation')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
