import { Box, Button, Card, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import type { ReactNode, Ref } from 'react';
import { LocalesMenuButton, useTranslate } from 'react-admin';
import { ErrorAlert } from './error-alert';
import { codeInputSlotProps } from './form-text';

/**
 * The frame of the signed-out screens: name of the service, language menu, one centred card with the
 * page's title (h1) and the error of the last try. With `headingRef`, the title can take the focus
 * (steps move it there, so screen readers announce where the person is).
 */
export function AuthScreen({
  title,
  error = null,
  headingRef,
  wide = false,
  children,
}: {
  title: string;
  error?: string | null;
  headingRef?: Ref<HTMLHeadingElement>;
  wide?: boolean;
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 2,
        p: 2,
        bgcolor: 'background.default',
      }}
    >
      <Box sx={{ position: 'absolute', top: 8, insetInlineEnd: 8 }}>
        <LocalesMenuButton />
      </Box>
      <Card sx={{ width: '100%', maxWidth: wide ? 640 : 440 }} variant="outlined">
        <CardContent sx={{ p: { xs: 3, sm: 4 } }}>
          <Typography component="p" sx={{ color: 'primary.main', fontWeight: 700, fontSize: '1.5rem' }}>
            {translate('consigne.name')}
          </Typography>
          <Typography component="p" sx={{ color: 'text.secondary', mb: 3 }}>
            {translate('consigne.space')}
          </Typography>
          <Typography
            component="h1"
            variant="h2"
            gutterBottom
            ref={headingRef}
            tabIndex={headingRef ? -1 : undefined}
            sx={headingRef ? { outline: 'none' } : undefined}
          >
            {translate(title)}
          </Typography>
          <ErrorAlert error={error} sx={{ mb: 2 }} />
          {children}
        </CardContent>
      </Card>
    </Box>
  );
}

/** The large submit button of a signed-out form, with a spinner while it works. */
export function AuthSubmit({ label, busy, disabled = false }: { label: string; busy: boolean; disabled?: boolean }) {
  const translate = useTranslate();
  return (
    <Button
      type="submit"
      variant="contained"
      size="large"
      disabled={busy || disabled}
      startIcon={busy ? <CircularProgress size={18} color="inherit" /> : null}
      sx={{ minHeight: 48 }}
    >
      {translate(label)}
    </Button>
  );
}

/** The 6-digit code of the authenticator app. */
export function TotpCodeField({ id, autoFocus = false }: { id: string; autoFocus?: boolean }) {
  const translate = useTranslate();
  return (
    <TextField
      id={id}
      name="code"
      label={translate('consigne.login.code')}
      autoComplete="one-time-code"
      required
      fullWidth
      autoFocus={autoFocus}
      slotProps={codeInputSlotProps}
    />
  );
}
