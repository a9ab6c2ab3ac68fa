import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useRef, useState, type FormEvent } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { formatSize } from './document-file';
import { documentsApi, type DocumentType } from './documents-api';

/**
 * Deposit a paper into the person's vault (a letter, an answer). It arrives shared with the
 * structures that follow them; the person is told and may make it private. The upload shows its
 * progress (XMLHttpRequest upload events) and can be cancelled.
 */
export function DepositDialog({
  beneficiaryId,
  types,
  onClose,
  onDeposited,
}: {
  beneficiaryId: string;
  types: DocumentType[];
  onClose: () => void;
  onDeposited: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [typeId, setTypeId] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const uploading = progress !== null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('title', title.trim() || file.name);
    if (typeId) form.append('typeId', typeId);
    form.append(documentsApi.fileField, file, file.name);
    abort.current = new AbortController();
    setError(null);
    setProgress(0);
    dataProvider
      .depositDocument(
        beneficiaryId,
        form,
        (p) => setProgress(Math.round((p.loaded / p.total) * 100)),
        abort.current.signal,
      )
      .then(() => {
        notify('resources.documents.notify.deposited', { type: 'success' });
        onDeposited();
        onClose();
      })
      .catch((e: unknown) => {
        if (e instanceof DOMException && e.name === 'AbortError') return;
        setError(e instanceof Error && e.message ? e.message : 'ra.notification.http_error');
      })
      .finally(() => setProgress(null));
  };

  const cancel = () => {
    if (uploading) abort.current?.abort();
    else onClose();
  };

  return (
    <Dialog open onClose={uploading ? undefined : onClose} aria-labelledby="deposit-title" maxWidth="sm" fullWidth>
      <DialogTitle id="deposit-title">{translate('resources.documents.deposit.title')}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="deposit-form" spacing={2} onSubmit={submit} sx={{ pt: 1 }}>
          <Typography>{translate('resources.documents.deposit.intro')}</Typography>
          {error ? (
            <Alert severity="error" role="alert">
              {translate(error, { _: error })}
            </Alert>
          ) : null}
          <Box>
            <Button variant="outlined" disabled={uploading} onClick={() => fileInput.current?.click()}>
              {translate('resources.documents.deposit.choose_file')}
            </Button>
            <input
              ref={fileInput}
              hidden
              type="file"
              name="file"
              accept="application/pdf,image/jpeg,image/png,image/heic,image/heif,image/webp"
              data-testid="deposit-file"
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                if (chosen && !title) setTitle(chosen.name.replace(/\.[^.]+$/, ''));
              }}
            />
            <Typography variant="body2" sx={{ mt: 1 }} aria-live="polite">
              {file
                ? `${file.name} · ${formatSize(file.size, locale)}`
                : translate('resources.documents.deposit.no_file')}
            </Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {translate('resources.documents.deposit.accepted')}
            </Typography>
          </Box>
          <TextField
            id="deposit-title-input"
            label={translate('resources.documents.deposit.document_title')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            disabled={uploading}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <TextField
            select
            id="deposit-type"
            label={translate('resources.documents.filters.type')}
            value={typeId}
            onChange={(e) => setTypeId(e.target.value)}
            disabled={uploading}
          >
            <MenuItem value="">{translate('resources.documents.deposit.no_type')}</MenuItem>
            {types.map((t) => (
              <MenuItem key={t.id} value={t.id}>
                {t.label}
              </MenuItem>
            ))}
          </TextField>
          {uploading ? (
            <Box>
              <Typography id="deposit-progress-label" variant="body2">
                {translate('resources.documents.deposit.progress', { percent: progress })}
              </Typography>
              <LinearProgress
                variant="determinate"
                value={progress}
                aria-labelledby="deposit-progress-label"
                data-testid="deposit-progress"
                sx={{ height: 10, borderRadius: 5 }}
              />
            </Box>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={cancel}>
          {translate(uploading ? 'resources.documents.deposit.cancel_upload' : 'ra.action.cancel')}
        </Button>
        <Button type="submit" form="deposit-form" variant="contained" disabled={!file || uploading}>
          {translate('resources.documents.deposit.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
