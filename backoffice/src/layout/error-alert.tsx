import { Alert, type SxProps, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';

/** The failure of the last action, said in the page (role="alert"); nothing when there is none. */
export function ErrorAlert({ error, sx }: { error: string | null; sx?: SxProps<Theme> }) {
  const translate = useTranslate();
  return error ? (
    <Alert severity="error" role="alert" sx={sx}>
      {translate(error, { _: error })}
    </Alert>
  ) : null;
}
