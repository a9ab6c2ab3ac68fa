import { CircularProgress, IconButton, Tooltip } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useLoading, useRefresh, useTranslate } from 'react-admin';

/** react-admin's loading indicator, with names for assistive technologies (axe: aria-progressbar-name). */
export function LoadingIndicator() {
  const loading = useLoading();
  const refresh = useRefresh();
  const translate = useTranslate();
  const label = translate('ra.action.refresh');
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" onClick={() => refresh()} aria-label={label} aria-busy={loading}>
        {loading ? (
          <CircularProgress size={20} thickness={4} color="inherit" aria-label={translate('ra.page.loading')} />
        ) : (
          <RefreshIcon />
        )}
      </IconButton>
    </Tooltip>
  );
}
