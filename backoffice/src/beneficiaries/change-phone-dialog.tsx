import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { Beneficiary } from '../providers/api-types';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { formatPhone } from './phone-format';
import { formText } from '../layout/form-text';

/**
 * Lost or changed phone (OTP-13): the person is at the desk; the referent types the new number and
 * re-enters their own authenticator code. Every session of the person ends; both numbers get a notice.
 */
export function ChangePhoneDialog({ record, onClose }: { record: Beneficiary; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const phone = formText(form, 'phone').trim();
    const totp = formText(form, 'totp').replace(/\s/g, '');
    setBusy(true);
    setError(null);
    dataProvider
      .changeBeneficiaryPhone(record.id, { phone, totp })
      .then(() => {
        notify('resources.beneficiaries.notify.phone_changed', { type: 'success' });
        refresh();
        onClose();
      })
      .catch((e: unknown) => setError(e instanceof Error && e.message ? e.message : 'ra.notification.http_error'))
      .finally(() => setBusy(false));
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="phone-title" maxWidth="xs" fullWidth>
      <DialogTitle id="phone-title">{translate('resources.beneficiaries.phone.title')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="change-phone-form" spacing={2} onSubmit={submit} sx={{ pt: 1 }}>
          <Typography>
            {translate('resources.beneficiaries.phone.intro', { phone: formatPhone(record.phone) })}
          </Typography>
          {error ? (
            <Alert severity="error" role="alert">
              {translate(error, { _: error })}
            </Alert>
          ) : null}
          <TextField
            id="new-phone"
            name="phone"
            type="tel"
            label={translate('resources.beneficiaries.phone.new_phone')}
            autoComplete="off"
            required
            autoFocus
          />
          <TextField
            id="referent-totp"
            name="totp"
            label={translate('resources.beneficiaries.phone.totp')}
            helperText={translate('resources.beneficiaries.phone.totp_help')}
            autoComplete="one-time-code"
            required
            slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9 ]{6,7}', maxLength: 7 } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button type="submit" form="change-phone-form" variant="contained" disabled={busy}>
          {translate('resources.beneficiaries.phone.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
