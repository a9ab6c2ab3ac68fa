import { Alert, Button, CircularProgress, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useParams } from 'react-router';
import { AuthScreen } from '../layout/auth-screen';
import { useAction } from '../layout/use-action';
import { apiFetch } from '../providers/http';
import { NewPasswordFields, passwordProblems } from './password-field';

/** `/admin/password-reset/:token`, the link of the reset e-mail: a new password, then sign in again. */
export function PasswordResetPage() {
  const translate = useTranslate();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, submit } = useAction();
  const [done, setDone] = useState(false);
  const rules = passwordProblems(password, confirm);

  return (
    <AuthScreen title="consigne.reset.title" error={error}>
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
          onSubmit={submit(async () => {
            await apiFetch(`/auth/password-reset/${encodeURIComponent(token)}`, {
              method: 'POST',
              body: JSON.stringify({ password }),
            });
            setDone(true);
          })}
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
