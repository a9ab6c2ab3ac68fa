import { Alert, Link, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLogin, useTranslate } from 'react-admin';
import { apiFetch } from '../providers/http';
import { submitPassword } from '../providers/auth-provider';
import { AuthScreen, AuthSubmit, TotpCodeField } from './auth-screen';
import { formText } from './form-text';
import { useAction } from './use-action';

type Step = 'password' | 'code' | 'recovery' | 'forgot' | 'forgotSent';

const valueOf = (form: FormData, name: string) => formText(form, name).trim();

const titles: Record<Step, string> = {
  password: 'consigne.login.title',
  code: 'consigne.login.code_title',
  recovery: 'consigne.login.recovery_title',
  forgot: 'consigne.login.forgot_title',
  forgotSent: 'consigne.login.forgot_title',
};

/**
 * Staff sign-in in two steps: e-mail + password, then the 6-digit code of the authenticator app
 * (or a recovery code). Errors are said in the page (role="alert"), next to the form, in the
 * server's words. After the code, react-admin goes back to the page the person was on.
 */
export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const [step, setStep] = useState<Step>('password');
  const heading = useRef<HTMLHeadingElement>(null);
  const { busy, error, setError, submit } = useAction((caught) => {
    const code = (caught as { body?: { code?: unknown } }).body?.code;
    // The password step has expired, or the account locked itself: start again from the top.
    if (code === 'mfa_session_expired' || code === 'account_locked') setStep('password');
  });

  // Each step moves the focus to its title, so screen readers announce where the person is.
  useEffect(() => {
    if (step !== 'password') heading.current?.focus();
  }, [step]);

  const goTo = (label: string, target: Step) => (
    <Link
      component="button"
      type="button"
      onClick={() => {
        setError(null);
        setStep(target);
      }}
    >
      {translate(label)}
    </Link>
  );

  /** One step's form: what to do, the fields, the submit button, then the way to another step. */
  const stepForm = (
    intro: string,
    work: (form: FormData) => Promise<unknown>,
    fields: ReactNode,
    submitLabel: string,
    link: ReactNode,
  ) => (
    <Stack component="form" spacing={2} onSubmit={submit(work)}>
      <Typography>{translate(intro)}</Typography>
      {fields}
      <AuthSubmit label={submitLabel} busy={busy} />
      {link}
    </Stack>
  );

  const emailField = (id: string) => (
    <TextField
      id={id}
      name="email"
      type="email"
      label={translate('consigne.login.email')}
      autoComplete="username"
      required
      fullWidth
      autoFocus
    />
  );

  let body: ReactNode;
  switch (step) {
    case 'password':
      body = stepForm(
        'consigne.login.intro',
        async (form) => {
          await submitPassword(valueOf(form, 'email'), formText(form, 'password'));
          setStep('code');
        },
        <>
          {emailField('login-email')}
          <TextField
            id="login-password"
            name="password"
            type="password"
            label={translate('consigne.login.password')}
            autoComplete="current-password"
            required
            fullWidth
          />
        </>,
        'consigne.login.submit',
        goTo('consigne.login.forgot_link', 'forgot'),
      );
      break;
    case 'code':
      body = stepForm(
        'consigne.login.code_intro',
        (form) => login({ code: valueOf(form, 'code').replace(/\s/g, '') }),
        <TotpCodeField id="login-code" autoFocus />,
        'consigne.login.verify',
        goTo('consigne.login.use_recovery', 'recovery'),
      );
      break;
    case 'recovery':
      body = stepForm(
        'consigne.login.recovery_intro',
        (form) => login({ recoveryCode: valueOf(form, 'recoveryCode') }),
        <TextField
          id="login-recovery"
          name="recoveryCode"
          label={translate('consigne.login.recovery_code')}
          autoComplete="off"
          required
          fullWidth
          autoFocus
        />,
        'consigne.login.verify',
        goTo('consigne.login.use_totp', 'code'),
      );
      break;
    case 'forgot':
      body = stepForm(
        'consigne.login.forgot_intro',
        async (form) => {
          await apiFetch('/auth/password-reset', {
            method: 'POST',
            body: JSON.stringify({ email: valueOf(form, 'email') }),
          });
          setStep('forgotSent');
        },
        emailField('forgot-email'),
        'consigne.login.forgot_submit',
        goTo('consigne.login.back', 'password'),
      );
      break;
    case 'forgotSent':
      body = (
        <Stack spacing={2}>
          <Alert severity="success">{translate('consigne.login.forgot_sent')}</Alert>
          {goTo('consigne.login.back', 'password')}
        </Stack>
      );
      break;
  }

  return (
    <AuthScreen title={titles[step]} error={error} headingRef={heading}>
      {body}
    </AuthScreen>
  );
}
