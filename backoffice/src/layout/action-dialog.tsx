import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
  type Breakpoint,
  type SxProps,
  type Theme,
} from '@mui/material';
import type { FormEvent, ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { ErrorAlert } from './error-alert';

/**
 * A modal dialog for one action: its title, its content, then "Cancel" followed by the action's
 * buttons. It cannot be closed while the action runs (`busy`); `progress` shows a spinner then.
 */
export function ActionDialog({
  titleId,
  title,
  busy,
  onClose,
  actions,
  maxWidth = 'sm',
  progress = false,
  actionsSx,
  children,
}: {
  titleId: string;
  title: string;
  busy: boolean;
  onClose: () => void;
  actions: ReactNode;
  maxWidth?: Breakpoint;
  progress?: boolean;
  actionsSx?: SxProps<Theme>;
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth={maxWidth} fullWidth>
      <DialogTitle id={titleId}>{translate(title)}</DialogTitle>
      <DialogContent>{children}</DialogContent>
      <DialogActions sx={actionsSx}>
        {progress && busy ? <CircularProgress size={24} aria-label={translate('ra.page.loading')} /> : null}
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        {actions}
      </DialogActions>
    </Dialog>
  );
}

/** An `ActionDialog` holding one form: an introduction, the error of the last try, the fields, one submit button. */
export function FormDialog({
  titleId,
  formId,
  title,
  intro,
  submitLabel,
  busy,
  error,
  onSubmit,
  onClose,
  maxWidth,
  children,
}: {
  titleId: string;
  formId: string;
  title: string;
  /** Already translated. */
  intro: string;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  maxWidth?: Breakpoint;
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <ActionDialog
      titleId={titleId}
      title={title}
      busy={busy}
      onClose={onClose}
      maxWidth={maxWidth}
      actions={
        <Button type="submit" form={formId} variant="contained" disabled={busy}>
          {translate(submitLabel)}
        </Button>
      }
    >
      <Stack component="form" id={formId} spacing={2} onSubmit={onSubmit} sx={{ pt: 1 }}>
        <Typography>{intro}</Typography>
        <ErrorAlert error={error} />
        {children}
      </Stack>
    </ActionDialog>
  );
}
