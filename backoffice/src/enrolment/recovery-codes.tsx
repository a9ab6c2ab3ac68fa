import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Box, Button, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { saveBlob } from '../providers/http';

/** The 10 one-time recovery codes, shown once: print, download as text, or copy them. */
export function RecoveryCodes({ codes, email }: { codes: string[]; email: string }) {
  const translate = useTranslate();
  const text = [translate('consigne.enrolment.codes_file_title', { email }), '', ...codes, ''].join('\n');
  return (
    <Stack spacing={2}>
      <Box
        component="ol"
        aria-label={translate('consigne.enrolment.codes_title')}
        data-testid="recovery-codes"
        sx={{
          m: 0,
          p: 2,
          pl: 5,
          columns: 2,
          fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
          fontSize: '1.05rem',
          bgcolor: 'background.default',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          '@media print': { columns: 1 },
        }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', '@media print': { display: 'none' } }}>
        <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()}>
          {translate('consigne.enrolment.print')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<DownloadIcon />}
          onClick={() => saveBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), 'consigne-codes-secours.txt')}
        >
          {translate('consigne.enrolment.download')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<ContentCopyIcon />}
          onClick={() => void navigator.clipboard?.writeText(codes.join('\n')).catch(() => undefined)}
        >
          {translate('consigne.enrolment.copy')}
        </Button>
      </Stack>
    </Stack>
  );
}
