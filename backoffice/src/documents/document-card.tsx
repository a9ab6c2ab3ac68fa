import DescriptionIcon from '@mui/icons-material/Description';
import DownloadIcon from '@mui/icons-material/Download';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Box, Button, Card, CardActions, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { saveBlob } from '../providers/http';
import { fileNameFor, formatSize } from './document-file';
import type { SharedDocument } from './documents-api';
import { useBlobUrl } from './use-blob-url';

function Thumbnail({ document }: { document: SharedDocument }) {
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const { url, error } = useBlobUrl((signal) => dataProvider.documentThumbnail(document.id, signal), document.id);
  return (
    <Box
      sx={{
        height: 140,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: '#eceae4',
        borderTopLeftRadius: 8,
        borderTopRightRadius: 8,
        overflow: 'hidden',
      }}
    >
      {url && !error ? (
        // The title below names the paper: the picture is decoration for screen readers.
        <img src={url} alt="" style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }} />
      ) : (
        <DescriptionIcon sx={{ fontSize: 56, color: 'text.secondary' }} />
      )}
    </Box>
  );
}

/** One shared paper: thumbnail, title, type, dates, preview and download. */
export function DocumentCard({
  document,
  typeLabel,
  onPreview,
}: {
  document: SharedDocument;
  typeLabel: string | null;
  onPreview: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const [busy, setBusy] = useState(false);
  const titleId = `document-${document.id}-title`;

  const download = () => {
    setBusy(true);
    dataProvider
      .downloadDocument(document.id, false)
      .then(({ blob, fileName }) => saveBlob(blob, fileName ?? fileNameFor(document)))
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' }))
      .finally(() => setBusy(false));
  };

  const date = (iso: string | null | undefined) =>
    iso ? new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).toLocaleDateString(locale, { timeZone: 'UTC' }) : null;

  return (
    <Card component="li" variant="outlined" aria-labelledby={titleId} data-testid="document-card">
      <Thumbnail document={document} />
      <CardContent sx={{ pb: 1 }}>
        <Typography component="h3" variant="subtitle1" id={titleId} sx={{ fontWeight: 700, wordBreak: 'break-word' }}>
          {document.title}
        </Typography>
        {typeLabel ? <Typography variant="body2">{typeLabel}</Typography> : null}
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {[
            document.expiryDate ? translate('resources.documents.expires', { date: date(document.expiryDate) }) : null,
            translate('resources.documents.added', { date: date(document.createdAt) }),
            formatSize(document.sizeBytes, locale),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      </CardContent>
      <CardActions sx={{ pt: 0 }}>
        <Button
          size="small"
          startIcon={<VisibilityIcon />}
          onClick={onPreview}
          aria-label={translate('resources.documents.actions.preview_named', { title: document.title })}
        >
          {translate('resources.documents.actions.preview')}
        </Button>
        <Button
          size="small"
          startIcon={<DownloadIcon />}
          onClick={download}
          disabled={busy}
          aria-label={translate('resources.documents.actions.download_named', { title: document.title })}
        >
          {translate('resources.documents.actions.download')}
        </Button>
      </CardActions>
    </Card>
  );
}
