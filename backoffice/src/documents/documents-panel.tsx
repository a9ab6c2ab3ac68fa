import UploadIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, MenuItem, Pagination, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { Section } from '../layout/section';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { DepositDialog } from './deposit-dialog';
import { DocumentCard } from './document-card';
import type { DocumentFilter, SharedDocument } from './documents-api';
import { DocumentPreviewDialog } from './document-preview-dialog';

const perPage = 12;

/**
 * The papers the person shares with the structure: thumbnails, type and theme filters, preview,
 * download, and depositing a paper into the vault. Private papers never reach the back-office (the
 * API does not return them), and nothing here counts or hints at them.
 */
export function DocumentsPanel({ beneficiaryId }: { beneficiaryId: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const [theme, setTheme] = useState('');
  const [typeId, setTypeId] = useState('');
  const [page, setPage] = useState(1);
  const [preview, setPreview] = useState<SharedDocument | null>(null);
  const [depositOpen, setDepositOpen] = useState(false);

  const types = useQuery({
    queryKey: ['document-types', 'all'],
    queryFn: () => dataProvider.listDocumentTypes(),
    staleTime: 10 * 60_000,
  });
  const documents = useQuery({
    queryKey: ['beneficiary-documents', beneficiaryId, theme, typeId, page],
    queryFn: ({ signal }) =>
      dataProvider.listBeneficiaryDocuments(
        beneficiaryId,
        { page, perPage, ...(theme ? { theme: theme as DocumentFilter['theme'] } : {}), ...(typeId ? { typeId } : {}) },
        signal,
      ),
  });

  const typeChoices = (types.data?.data ?? []).filter((t) => !theme || t.theme === theme);
  const total = documents.data?.total ?? 0;

  return (
    <Section title="resources.documents.title" id="section-documents">
      <Typography sx={{ color: 'text.secondary', mb: 2 }}>{translate('resources.documents.intro')}</Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          select
          id="documents-theme"
          label={translate('resources.documents.filters.theme')}
          value={theme}
          onChange={(e) => {
            setTheme(e.target.value);
            setTypeId('');
            setPage(1);
          }}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{translate('resources.documents.filters.all_themes')}</MenuItem>
          {(types.data?.themes ?? []).map((t) => (
            <MenuItem key={t.code} value={t.code}>
              {t.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          id="documents-type"
          label={translate('resources.documents.filters.type')}
          value={typeId}
          onChange={(e) => {
            setTypeId(e.target.value);
            setPage(1);
          }}
          sx={{ minWidth: 260 }}
        >
          <MenuItem value="">{translate('resources.documents.filters.all_types')}</MenuItem>
          {typeChoices.map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {t.label}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" startIcon={<UploadIcon />} onClick={() => setDepositOpen(true)}>
          {translate('resources.documents.actions.deposit')}
        </Button>
      </Stack>

      {documents.isError ? (
        <Alert severity="error" role="alert">
          {translate(documents.error.message || 'ra.notification.http_error', {
            _: documents.error.message,
          })}
        </Alert>
      ) : documents.isPending ? (
        <Typography role="status">{translate('ra.page.loading')}</Typography>
      ) : documents.data.data.length === 0 ? (
        <Typography role="status">
          {translate(theme || typeId ? 'resources.documents.empty_filtered' : 'resources.documents.empty')}
        </Typography>
      ) : (
        <Box
          component="ul"
          aria-label={translate('resources.documents.list_label')}
          data-testid="documents-grid"
          sx={{
            listStyle: 'none',
            m: 0,
            p: 0,
            display: 'grid',
            gap: 2,
            gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
          }}
        >
          {documents.data.data.map((doc) => (
            <DocumentCard
              key={doc.id}
              document={doc}
              typeLabel={doc.type?.label ?? null}
              onPreview={() => setPreview(doc)}
            />
          ))}
        </Box>
      )}
      {total > perPage ? (
        <Pagination
          sx={{ mt: 2 }}
          count={Math.ceil(total / perPage)}
          page={page}
          onChange={(_, value) => setPage(value)}
          getItemAriaLabel={(type, p) => translate(`resources.documents.pagination.${type}`, { page: p })}
        />
      ) : null}

      {preview ? <DocumentPreviewDialog document={preview} onClose={() => setPreview(null)} /> : null}
      {depositOpen ? (
        <DepositDialog
          beneficiaryId={beneficiaryId}
          types={types.data?.data ?? []}
          onClose={() => setDepositOpen(false)}
          onDeposited={() => void documents.refetch()}
        />
      ) : null}
    </Section>
  );
}
