import { Suspense, useEffect } from 'react';
import { Loading, RetryButton } from '../components/async-view';
import { ErrorBoundary } from '../components/error-boundary';
import { Notice } from '../components/notice';
import { AuthProvider, useAuth } from '../features/auth/auth-context';
import { LoginScreen } from '../features/auth/components/login-screen';
import { PapersScreen } from '../features/papers/components/papers-screen';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { navigate, useLocation } from '../lib/router';
import { AppShell } from './app-shell';
import { SignedInRoutes } from './routes/routes';

function ScreenFailed({ retry }: { retry: () => void }) {
  const { t } = useI18n();
  return (
    <Notice kind="error" action={<RetryButton onClick={retry} />}>
      {t('error.screen')}
    </Notice>
  );
}

function Screens() {
  const path = useLocation();
  const { state, refresh } = useAuth();
  const { t } = useI18n();

  // Signed out anywhere: the login screen lives at `/`.
  useEffect(() => {
    if (state.status === 'signedOut' && path !== '/') navigate('/', { replace: true });
  }, [state.status, path]);

  useEffect(() => {
    if (state.status !== 'offline') return;
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [state.status, refresh]);

  let content;
  switch (state.status) {
    case 'loading':
      content = <Loading />;
      break;
    case 'signedOut':
      content = <LoginScreen />;
      break;
    case 'offline':
      content =
        path === '/' ? (
          <PapersScreen sharedWith={null} offline />
        ) : (
          <Notice kind="warning" action={<RetryButton onClick={refresh} />}>
            {t('error.offlineScreen')}
          </Notice>
        );
      break;
    case 'signedIn':
      content = (
        <ErrorBoundary resetKey={path} fallback={(retry) => <ScreenFailed retry={retry} />}>
          <Suspense fallback={<Loading />}>
            <SignedInRoutes path={path} />
          </Suspense>
        </ErrorBoundary>
      );
      break;
  }

  return (
    <AppShell path={path} signedIn={state.status === 'signedIn'}>
      {content}
    </AppShell>
  );
}

/** Providers, then the shell and the screen for the current path. */
export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <Screens />
      </AuthProvider>
    </I18nProvider>
  );
}
