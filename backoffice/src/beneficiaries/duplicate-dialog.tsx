import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { Body, Json, PossibleDuplicate } from '../providers/api-types';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { ActionDialog } from '../layout/action-dialog';
import { ErrorAlert } from '../layout/error-alert';
import { codeInputSlotProps, formText } from '../layout/form-text';
import { useAction } from '../layout/use-action';

type Created = Json<'createBeneficiary'>;
type Follow = Json<'requestFollow'>;

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
  const { busy, error, run, submit } = useAction();
  const [deskFollow, setDeskFollow] = useState<Follow | null>(null);

  const ask = (channel: 'app' | 'desk_code') =>
    run(async () => {
      const follow = await dataProvider.requestFollow({ beneficiaryId: problem.matchId!, channel });
      if (channel === 'desk_code') {
        setDeskFollow(follow);
        return;
      }
      notify('resources.beneficiaries.notify.follow_requested_app', { type: 'info' });
      onClose();
      redirect('list', 'beneficiaries');
    });

  const confirmDesk = submit(async (form) => {
    const code = formText(form, 'code').replace(/\s/g, '');
    await dataProvider.confirmFollowWithCode(deskFollow!.id, code);
    notify('resources.beneficiaries.notify.follow_confirmed', { type: 'success' });
    onClose();
    redirect('show', 'beneficiaries', problem.matchId);
  });

  const createAnyway = () =>
    run(async () => {
      onCreated(
        await dataProvider.createBeneficiary({
          ...(values as Body<'createBeneficiary'>),
          confirmNotDuplicate: true,
        }),
      );
      onClose();
    });

  return (
    <ActionDialog
      titleId="duplicate-title"
      title="resources.beneficiaries.duplicate.title"
      busy={busy}
      onClose={onClose}
      progress
      actionsSx={{ flexWrap: 'wrap', gap: 1, px: 3, pb: 2 }}
      actions={
        <>
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
        </>
      }
    >
      <Stack spacing={2}>
        <Alert severity="warning">{problem.title}</Alert>
        <Typography>
          {translate(
            problem.matchedOn === 'phone'
              ? 'resources.beneficiaries.duplicate.matched_phone'
              : 'resources.beneficiaries.duplicate.matched_identity',
          )}
        </Typography>
        <ErrorAlert error={error} />
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
              slotProps={codeInputSlotProps}
            />
          </Stack>
        ) : problem.canRequestFollow ? (
          <Typography>{translate('resources.beneficiaries.duplicate.follow_intro')}</Typography>
        ) : null}
      </Stack>
    </ActionDialog>
  );
}
