import { Alert, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useParams } from 'react-router';
import { AuthScreen } from '../layout/login-page';
import { apiFetch } from '../providers/http';
import { NewPasswordFields, passwordProblems } from './password-field';

/** `/admin/password-reset/:token`, the link of the reset e-mail: a new password, then sign in again. */
export function PasswordResetPage() {
  const translate = useTranslate();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const rules = passwordProblems(password, confirm);

  return (
    <AuthScreen>
      <Typography component="h1" variant="h2" gutterBottom>
        {translate('consigne.reset.title')}
      </Typography>
      {error ? (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {translate(error, { _: error })}
        </Alert>
      ) : null}
      {done ? (
        <Stack spacing={2}>
          <Alert severity="success">{translate('consigne.reset.done')}</Alert>
          <Button href={`${import.meta.env.BASE_URL}login`} variant="contained">
            {translate('consigne.enrolment.to_login')}
          </Button>
        </Stack>
      ) : (
        <Stack
          component="form"
          spacing={2}
          onSubmit={(event) => {
            event.preventDefault();
            setBusy(true);
            setError(null);
            apiFetch(`/auth/password-reset/${encodeURIComponent(token)}`, {
              method: 'POST',
              body: JSON.stringify({ password }),
            })
              .then(() => setDone(true))
              .catch((e: unknown) => setError(e instanceof Error ? e.message : 'ra.notification.http_error'))
              .finally(() => setBusy(false));
          }}
        >
          <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} />
          <Button
            type="submit"
            variant="contained"
            size="large"
            disabled={busy || !rules.length || !rules.match}
            startIcon={busy ? <CircularProgress size={18} color="inherit" /> : null}
          >
            {translate('consigne.reset.submit')}
          </Button>
        </Stack>
      )}
    </AuthScreen>
  );
}
