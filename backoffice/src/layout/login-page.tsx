import { Box, Button, Card, CardContent, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { LocalesMenuButton, useLogin, useNotify, useTranslate } from 'react-admin';

/**
 * Staff sign-in: email and password, with real labels (no placeholder-as-label). The provider
 * decides what happens; for now it always says that signing in is not available yet.
 */
export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    setSubmitting(true);
    try {
      await login({ email: field('email'), password: field('password') });
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error';
      notify(message, { type: 'error' });
    } finally {
      setSubmitting(false);
    }
  }

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
      <Card sx={{ width: '100%', maxWidth: 420 }} variant="outlined">
        <CardContent sx={{ p: { xs: 3, sm: 4 } }}>
          <Typography component="p" sx={{ color: 'primary.main', fontWeight: 700, fontSize: '1.5rem' }}>
            {translate('consigne.name')}
          </Typography>
          <Typography component="p" sx={{ color: 'text.secondary', mb: 3 }}>
            {translate('consigne.space')}
          </Typography>
          <Typography component="h1" variant="h2" gutterBottom>
            {translate('consigne.login.title')}
          </Typography>
          <Typography sx={{ mb: 2 }}>{translate('consigne.login.intro')}</Typography>
          <Stack component="form" onSubmit={(event) => void onSubmit(event)} spacing={2}>
            <TextField
              id="login-email"
              name="email"
              type="email"
              label={translate('consigne.login.email')}
              autoComplete="username"
              required
              fullWidth
              autoFocus
            />
            <TextField
              id="login-password"
              name="password"
              type="password"
              label={translate('consigne.login.password')}
              autoComplete="current-password"
              required
              fullWidth
            />
            <Button
              type="submit"
              variant="contained"
              size="large"
              disabled={submitting}
              startIcon={submitting ? <CircularProgress size={18} color="inherit" /> : null}
              sx={{ minHeight: 48 }}
            >
              {translate('consigne.login.submit')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
