import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  FormControlLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import QRCode from 'qrcode';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { useParams } from 'react-router';
import { AuthScreen, AuthSubmit, TotpCodeField } from '../layout/auth-screen';
import type { Invitation, Json, TotpEnrolment } from '../providers/api-types';
import { forgetIdentity } from '../providers/auth-provider';
import { apiFetch } from '../providers/http';
import { NewPasswordFields, passwordProblems } from './password-field';
import { JoinStructure } from './join-structure';
import { RecoveryCodes } from './recovery-codes';
import { formText } from '../layout/form-text';
import { errorMessage, useAction } from '../layout/use-action';

type Step =
  | { name: 'loading' }
  | { name: 'invalid'; message: string }
  | { name: 'password'; invitation: Invitation }
  | { name: 'totp'; invitation: Invitation; enrolment: TotpEnrolment; qr: string }
  | { name: 'codes'; invitation: Invitation; codes: string[] }
  | { name: 'join'; invitation: Invitation };

/**
 * `/admin/invitation/:token`, the link of the invitation e-mail: choose a password, set up the
 * authenticator app (QR code, or the secret typed by hand), confirm a first code, then keep the
 * 10 recovery codes. The last step opens the session; "Continue" enters the back-office.
 */
export function InvitationPage() {
  const translate = useTranslate();
  const { token = '' } = useParams();
  const path = `/invitations/${encodeURIComponent(token)}`;
  const [step, setStep] = useState<Step>({ name: 'loading' });
  const { busy, error, submit } = useAction();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    apiFetch<Invitation>(path)
      .then(
        ({ json }) =>
          live &&
          setStep(json.kind === 'join' ? { name: 'join', invitation: json } : { name: 'password', invitation: json }),
      )
      .catch((e: unknown) => live && setStep({ name: 'invalid', message: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [path]);

  useEffect(() => {
    if (step.name === 'totp' || step.name === 'codes') heading.current?.focus();
  }, [step.name]);

  let title = 'consigne.enrolment.title';
  let body: ReactNode = null;
  switch (step.name) {
    case 'loading':
      body = <CircularProgress aria-label={translate('ra.page.loading')} />;
      break;
    case 'join':
      title = 'consigne.enrolment.join_title';
      body = <JoinStructure invitation={step.invitation} token={token} busy={busy} submit={submit} />;
      break;
    case 'invalid':
      title = 'consigne.enrolment.invalid_title';
      body = (
        <Stack spacing={2}>
          <Alert severity="warning">{translate(step.message, { _: step.message })}</Alert>
          <Typography>{translate('consigne.enrolment.invalid_help')}</Typography>
          <Button href={`${import.meta.env.BASE_URL}login`} variant="outlined">
            {translate('consigne.enrolment.to_login')}
          </Button>
        </Stack>
      );
      break;
    case 'password': {
      const { invitation } = step;
      const rules = passwordProblems(password, confirm);
      body = (
        <Stack
          component="form"
          spacing={2}
          onSubmit={submit(async () => {
            const { json } = await apiFetch<TotpEnrolment>(`${path}/accept`, {
              method: 'POST',
              body: JSON.stringify({ password }),
            });
            const qr = await QRCode.toDataURL(json.otpauthUri, { margin: 1, width: 220 });
            setStep({ name: 'totp', invitation, enrolment: json, qr });
          })}
        >
          <Typography>
            {translate(
              invitation.platformAdmin ? 'consigne.enrolment.intro_platform' : 'consigne.enrolment.intro_structure',
              {
                name: invitation.displayName,
                structure: invitation.structureName ?? '',
                role: translate(`consigne.roles.${invitation.role ?? 'referent'}`),
              },
            )}
          </Typography>
          <TextField
            id="invitation-email"
            label={translate('consigne.login.email')}
            value={invitation.email}
            autoComplete="username"
            fullWidth
            slotProps={{ htmlInput: { readOnly: true } }}
          />
          <Typography component="h2" variant="h6">
            {translate('consigne.enrolment.step_password')}
          </Typography>
          <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} />
          <AuthSubmit label="consigne.enrolment.next" busy={busy} disabled={!rules.length || !rules.match} />
        </Stack>
      );
      break;
    }
    case 'totp': {
      const { invitation, enrolment, qr } = step;
      title = 'consigne.enrolment.step_totp';
      body = (
        <Stack
          component="form"
          spacing={2}
          onSubmit={submit(async (form) => {
            const code = formText(form, 'code').replace(/\s/g, '');
            const { json } = await apiFetch<Json<'confirmInvitationTotp'>>(`${path}/totp`, {
              method: 'POST',
              body: JSON.stringify({ code }),
            });
            forgetIdentity();
            setStep({ name: 'codes', invitation, codes: json.recoveryCodes });
          })}
        >
          <Typography>{translate('consigne.enrolment.totp_intro')}</Typography>
          <Box sx={{ display: 'flex', gap: 3, alignItems: 'center', flexWrap: 'wrap' }}>
            <img src={qr} width={220} height={220} alt={translate('consigne.enrolment.qr_alt')} />
            <Box sx={{ minWidth: 0, flex: 1 }}>
              <Typography component="p" id="totp-secret-label" sx={{ fontWeight: 600 }}>
                {translate('consigne.enrolment.secret_label')}
              </Typography>
              <Typography
                component="p"
                aria-labelledby="totp-secret-label"
                data-testid="totp-secret"
                sx={{
                  fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
                  wordBreak: 'break-all',
                  fontSize: '1.05rem',
                }}
              >
                {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
              </Typography>
            </Box>
          </Box>
          <TotpCodeField id="enrolment-code" />
          <AuthSubmit label="consigne.enrolment.confirm_code" busy={busy} />
        </Stack>
      );
      break;
    }
    case 'codes':
      title = 'consigne.enrolment.codes_title';
      body = (
        <Stack spacing={2}>
          <Alert severity="info">{translate('consigne.enrolment.codes_intro')}</Alert>
          <RecoveryCodes codes={step.codes} email={step.invitation.email} />
          <FormControlLabel
            control={<Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} />}
            label={translate('consigne.enrolment.codes_saved')}
          />
          <Button
            variant="contained"
            size="large"
            disabled={!saved}
            sx={{ minHeight: 48 }}
            onClick={() => window.location.assign(import.meta.env.BASE_URL)}
          >
            {translate('consigne.enrolment.continue')}
          </Button>
        </Stack>
      );
      break;
  }

  return (
    <AuthScreen title={title} error={error} headingRef={heading} wide>
      {body}
    </AuthScreen>
  );
}
