import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Link,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { LocalesMenuButton, useLogin, useTranslate } from 'react-admin';
import { apiFetch } from '../providers/http';
import { submitPassword } from '../providers/auth-provider';
import { formText } from './form-text';

type Step = 'password' | 'code' | 'recovery' | 'forgot' | 'forgotSent';

const valueOf = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

const messageOf = (error: unknown) =>
  error instanceof Error && error.message ? error.message : 'ra.notification.http_error';

/**
 * Staff sign-in in two steps: e-mail + password, then the 6-digit code of the authenticator app
 * (or a recovery code). Errors are said in the page (role="alert"), next to the form, in the
 * server's words. After the code, react-admin goes back to the page the person was on.
 */
export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const [step, setStep] = useState<Step>('password');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Each step moves the focus to its title, so screen readers announce where the person is.
  useEffect(() => {
    if (step !== 'password') heading.current?.focus();
  }, [step]);

  async function run(event: FormEvent<HTMLFormElement>, work: (form: FormData) => Promise<void>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    setError(null);
    try {
      await work(form);
    } catch (caught) {
      const code = (caught as { body?: { code?: unknown } }).body?.code;
      // The password step has expired, or the account locked itself: start again from the top.
      if (code === 'mfa_session_expired' || code === 'account_locked') setStep('password');
      setError(messageOf(caught));
    } finally {
      setSubmitting(false);
    }
  }

  const submit = (label: string) => (
    <Button
      type="submit"
      variant="contained"
      size="large"
      disabled={submitting}
      startIcon={submitting ? <CircularProgress size={18} color="inherit" /> : null}
      sx={{ minHeight: 48 }}
    >
      {translate(label)}
    </Button>
  );

  const titles: Record<Step, string> = {
    password: 'consigne.login.title',
    code: 'consigne.login.code_title',
    recovery: 'consigne.login.recovery_title',
    forgot: 'consigne.login.forgot_title',
    forgotSent: 'consigne.login.forgot_title',
  };

  let body: ReactNode;
  switch (step) {
    case 'password':
      body = (
        <Stack
          component="form"
          spacing={2}
          onSubmit={(e) =>
            void run(e, async (form) => {
              await submitPassword(valueOf(form, 'email'), formText(form, 'password'));
              setStep('code');
            })
          }
        >
          <Typography>{translate('consigne.login.intro')}</Typography>
          <TextField
            id="login-email"
            name="email"
            type="email"
            label={translate('consigne.login.email')}
            autoComplete="username"
            required
            fullWidth
            autoFocus
          />
          <TextField
            id="login-password"
            name="password"
            type="password"
            label={translate('consigne.login.password')}
            autoComplete="current-password"
            required
            fullWidth
          />
          {submit('consigne.login.submit')}
          <Link component="button" type="button" onClick={() => (setError(null), setStep('forgot'))}>
            {translate('consigne.login.forgot_link')}
          </Link>
        </Stack>
      );
      break;
    case 'code':
      body = (
        <Stack
          component="form"
          spacing={2}
          onSubmit={(e) => void run(e, (form) => login({ code: valueOf(form, 'code').replace(/\s/g, '') }))}
        >
          <Typography>{translate('consigne.login.code_intro')}</Typography>
          <TextField
            id="login-code"
            name="code"
            label={translate('consigne.login.code')}
            autoComplete="one-time-code"
            required
            fullWidth
            autoFocus
            slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9 ]{6,7}', maxLength: 7 } }}
          />
          {submit('consigne.login.verify')}
          <Link component="button" type="button" onClick={() => (setError(null), setStep('recovery'))}>
            {translate('consigne.login.use_recovery')}
          </Link>
        </Stack>
      );
      break;
    case 'recovery':
      body = (
        <Stack
          component="form"
          spacing={2}
          onSubmit={(e) => void run(e, (form) => login({ recoveryCode: valueOf(form, 'recoveryCode') }))}
        >
          <Typography>{translate('consigne.login.recovery_intro')}</Typography>
          <TextField
            id="login-recovery"
            name="recoveryCode"
            label={translate('consigne.login.recovery_code')}
            autoComplete="off"
            required
            fullWidth
            autoFocus
          />
          {submit('consigne.login.verify')}
          <Link component="button" type="button" onClick={() => (setError(null), setStep('code'))}>
            {translate('consigne.login.use_totp')}
          </Link>
        </Stack>
      );
      break;
    case 'forgot':
      body = (
        <Stack
          component="form"
          spacing={2}
          onSubmit={(e) =>
            void run(e, async (form) => {
              await apiFetch('/auth/password-reset', {
                method: 'POST',
                body: JSON.stringify({ email: valueOf(form, 'email') }),
              });
              setStep('forgotSent');
            })
          }
        >
          <Typography>{translate('consigne.login.forgot_intro')}</Typography>
          <TextField
            id="forgot-email"
            name="email"
            type="email"
            label={translate('consigne.login.email')}
            autoComplete="username"
            required
            fullWidth
            autoFocus
          />
          {submit('consigne.login.forgot_submit')}
          <Link component="button" type="button" onClick={() => (setError(null), setStep('password'))}>
            {translate('consigne.login.back')}
          </Link>
        </Stack>
      );
      break;
    case 'forgotSent':
      body = (
        <Stack spacing={2}>
          <Alert severity="success">{translate('consigne.login.forgot_sent')}</Alert>
          <Link component="button" type="button" onClick={() => setStep('password')}>
            {translate('consigne.login.back')}
          </Link>
        </Stack>
      );
      break;
  }

  return (
    <AuthScreen>
      <Typography component="h1" variant="h2" gutterBottom tabIndex={-1} ref={heading} sx={{ outline: 'none' }}>
        {translate(titles[step])}
      </Typography>
      {error ? (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {translate(error, { _: error })}
        </Alert>
      ) : null}
      {body}
    </AuthScreen>
  );
}

/** The frame of the signed-out screens: name of the service, language menu, one centred card. */
export function AuthScreen({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const translate = useTranslate();
  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 2,
        p: 2,
        bgcolor: 'background.default',
      }}
    >
      <Box sx={{ position: 'absolute', top: 8, insetInlineEnd: 8 }}>
        <LocalesMenuButton />
      </Box>
      <Card sx={{ width: '100%', maxWidth: wide ? 640 : 440 }} variant="outlined">
        <CardContent sx={{ p: { xs: 3, sm: 4 } }}>
          <Typography component="p" sx={{ color: 'primary.main', fontWeight: 700, fontSize: '1.5rem' }}>
            {translate('consigne.name')}
          </Typography>
          <Typography component="p" sx={{ color: 'text.secondary', mb: 3 }}>
            {translate('consigne.space')}
          </Typography>
          {children}
        </CardContent>
      </Card>
    </Box>
  );
}
