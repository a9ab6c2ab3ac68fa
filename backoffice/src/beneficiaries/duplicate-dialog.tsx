import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { Body, Json, PossibleDuplicate } from '../providers/api-types';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { formText } from '../layout/form-text';

type Created = Json<'createBeneficiary'>;
type Follow = Json<'requestFollow'>;

const messageOf = (e: unknown) => (e instanceof Error && e.message ? e.message : 'ra.notification.http_error');

/** What to do when the vault being created probably exists already. */
export function DuplicateDialog({
  problem,
  values,
  onCreated,
  onClose,
}: {
  problem: PossibleDuplicate;
  values: Record<string, unknown>;
  onCreated: (data: Created) => void;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deskFollow, setDeskFollow] = useState<Follow | null>(null);

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const ask = (channel: 'app' | 'desk_code') =>
    act(async () => {
      const follow = await dataProvider.requestFollow({ beneficiaryId: problem.matchId!, channel });
      if (channel === 'desk_code') {
        setDeskFollow(follow);
        return;
      }
      notify('resources.beneficiaries.notify.follow_requested_app', { type: 'info' });
      onClose();
      redirect('list', 'beneficiaries');
    });

  const confirmDesk = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = formText(new FormData(event.currentTarget), 'code').replace(/\s/g, '');
    void act(async () => {
      await dataProvider.confirmFollowWithCode(deskFollow!.id, code);
      notify('resources.beneficiaries.notify.follow_confirmed', { type: 'success' });
      onClose();
      redirect('show', 'beneficiaries', problem.matchId);
    });
  };

  const createAnyway = () =>
    act(async () => {
      onCreated(
        await dataProvider.createBeneficiary({
          ...(values as Body<'createBeneficiary'>),
          confirmNotDuplicate: true,
        }),
      );
      onClose();
    });

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="duplicate-title" maxWidth="sm" fullWidth>
      <DialogTitle id="duplicate-title">{translate('resources.beneficiaries.duplicate.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Alert severity="warning">{problem.title}</Alert>
          <Typography>
            {translate(
              problem.matchedOn === 'phone'
                ? 'resources.beneficiaries.duplicate.matched_phone'
                : 'resources.beneficiaries.duplicate.matched_identity',
            )}
          </Typography>
          {error ? (
            <Alert severity="error" role="alert">
              {translate(error, { _: error })}
            </Alert>
          ) : null}
          {deskFollow ? (
            <Stack component="form" spacing={2} onSubmit={confirmDesk} id="desk-code-form">
              <Typography>{translate('resources.beneficiaries.duplicate.desk_intro')}</Typography>
              <TextField
                id="desk-code"
                name="code"
                label={translate('resources.beneficiaries.duplicate.desk_code')}
                autoComplete="off"
                required
                autoFocus
                slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9 ]{6,7}', maxLength: 7 } }}
              />
            </Stack>
          ) : problem.canRequestFollow ? (
            <Typography>{translate('resources.beneficiaries.duplicate.follow_intro')}</Typography>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1, px: 3, pb: 2 }}>
        {busy ? <CircularProgress size={24} aria-label={translate('ra.page.loading')} /> : null}
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        {problem.beneficiaryId ? (
          <Button
            variant="contained"
            onClick={() => {
              onClose();
              redirect('show', 'beneficiaries', problem.beneficiaryId);
            }}
          >
            {translate('resources.beneficiaries.duplicate.open_existing')}
          </Button>
        ) : null}
        {problem.matchedOn === 'identity' && !deskFollow ? (
          <Button variant="outlined" disabled={busy} onClick={() => void createAnyway()}>
            {translate('resources.beneficiaries.duplicate.someone_else')}
          </Button>
        ) : null}
        {problem.canRequestFollow && !deskFollow ? (
          <>
            <Button variant="outlined" disabled={busy} onClick={() => void ask('app')}>
              {translate('resources.beneficiaries.duplicate.ask_app')}
            </Button>
            <Button variant="contained" disabled={busy} onClick={() => void ask('desk_code')}>
              {translate('resources.beneficiaries.duplicate.ask_desk')}
            </Button>
          </>
        ) : null}
        {deskFollow ? (
          <Button type="submit" form="desk-code-form" variant="contained" disabled={busy}>
            {translate('resources.beneficiaries.duplicate.desk_confirm')}
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}
