import { Button, CircularProgress, Stack, Typography } from '@mui/material';
import type { FormEvent } from 'react';
import { useAuthState, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { setActiveStructureId } from '../providers/active-structure';
import type { Invitation, Json } from '../providers/api-types';
import { forgetIdentity } from '../providers/auth-provider';
import { apiFetch } from '../providers/http';

/**
 * The invitation of an account that already exists, into one more structure (AUTHZ-4): nothing
 * changes until its owner, signed in, accepts here (`joinStructure`). Signed out, the button leads
 * to the sign-in page, which comes back to this link afterwards. Once joined, the back-office
 * reloads with the new structure active in the structure menu.
 */
export function JoinStructure({
  invitation,
  token,
  busy,
  submit,
}: {
  invitation: Invitation;
  /** The link's token, as in `/admin/invitation/<token>`. */
  token: string;
  busy: boolean;
  submit: (work: (form: FormData) => Promise<unknown>) => (event: FormEvent<HTMLFormElement>) => void;
}) {
  const translate = useTranslate();
  const { authenticated, isPending } = useAuthState();
  const args = {
    structure: invitation.structureName ?? '',
    as: translate(`consigne.enrolment.join_as.${invitation.role ?? 'referent'}`),
    email: invitation.email,
  };
  const intro = (
    <>
      <Typography>{translate('consigne.enrolment.join_intro', args)}</Typography>
      <Typography>{translate('consigne.enrolment.join_account', args)}</Typography>
    </>
  );

  if (isPending) return <CircularProgress aria-label={translate('ra.page.loading')} />;
  if (!authenticated)
    return (
      <Stack spacing={2}>
        {intro}
        <Typography>{translate('consigne.enrolment.join_sign_in_first')}</Typography>
        <Button
          component={Link}
          to="/login"
          // What react-admin's sign-in reads to come back here (both fields: it joins them).
          state={{ nextPathname: `/invitation/${token}`, nextSearch: '' }}
          variant="contained"
          size="large"
          sx={{ minHeight: 48 }}
        >
          {translate('consigne.enrolment.join_sign_in')}
        </Button>
      </Stack>
    );
  return (
    <Stack
      component="form"
      spacing={2}
      onSubmit={submit(async () => {
        const { json } = await apiFetch<Json<'joinStructure'>>(`/invitations/${encodeURIComponent(token)}/join`, {
          method: 'POST',
        });
        forgetIdentity();
        setActiveStructureId(json.activeStructureId);
        window.location.assign(import.meta.env.BASE_URL);
      })}
    >
      {intro}
      <Button
        type="submit"
        variant="contained"
        size="large"
        disabled={busy}
        startIcon={busy ? <CircularProgress size={18} color="inherit" /> : null}
        sx={{ minHeight: 48 }}
      >
        {translate('consigne.enrolment.join_submit', args)}
      </Button>
    </Stack>
  );
}
