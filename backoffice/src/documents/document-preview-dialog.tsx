import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useDataProvider, useTranslate } from 'react-admin';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { saveBlob } from '../providers/http';
import { fileNameFor } from './document-file';
import type { SharedDocument } from './documents-api';
import { useBlobUrl } from './use-blob-url';

/**
 * Shows a shared paper inside the back-office: images in an <img>, PDFs in the browser's viewer
 * (an <iframe> on a blob: URL, since the API itself may not be framed).
 */
export function DocumentPreviewDialog({ document, onClose }: { document: SharedDocument; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const { url, type, error } = useBlobUrl(
    () => dataProvider.downloadDocument(document.id, true).then((r) => r.blob),
    `preview-${document.id}`,
  );
  const isPdf = (type ?? document.mime).includes('pdf');

  return (
    <Dialog open onClose={onClose} aria-labelledby="preview-title" maxWidth="lg" fullWidth>
      <DialogTitle id="preview-title">{document.title}</DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', justifyContent: 'center', minHeight: 400 }}>
        {error ? (
          <Alert severity="error" role="alert">
            {translate('resources.documents.preview_error')}
          </Alert>
        ) : !url ? (
          <CircularProgress aria-label={translate('ra.page.loading')} sx={{ alignSelf: 'center' }} />
        ) : isPdf ? (
          <Box
            component="iframe"
            src={url}
            title={translate('resources.documents.preview_frame', { title: document.title })}
            sx={{ width: '100%', height: '75vh', border: 0 }}
          />
        ) : (
          <Box
            component="img"
            src={url}
            alt={translate('resources.documents.preview_image', { title: document.title })}
            sx={{ maxWidth: '100%', maxHeight: '75vh', objectFit: 'contain' }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button
          startIcon={<DownloadIcon />}
          disabled={!url}
          onClick={() => {
            if (!url) return;
            void fetch(url)
              .then((r) => r.blob())
              .then((blob) => saveBlob(blob, fileNameFor(document)));
          }}
        >
          {translate('resources.documents.actions.download')}
        </Button>
        <Button variant="contained" onClick={onClose} autoFocus>
          {translate('ra.action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
