import { useEffect, type ReactNode } from 'react';
import { AppBar, Layout, LocalesMenuButton, TitlePortal, useCheckAuth } from 'react-admin';
import { LoadingIndicator } from './loading-indicator';
import { AppMenu } from './menu';
import { StructureSwitcher } from './structure-switcher';

const heartbeatMs = 60_000;

/**
 * Asks the server whether the session still holds every minute and whenever the tab comes back
 * into view: an ended session (timeout, deactivated account, logout elsewhere) leads to the login
 * page at once, and back to the same page after signing in again.
 */
function useSessionHeartbeat() {
  const checkAuth = useCheckAuth();
  useEffect(() => {
    const check = () => {
      if (document.visibilityState === 'visible') checkAuth({}, true).catch(() => undefined);
    };
    const timer = window.setInterval(check, heartbeatMs);
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [checkAuth]);
}

function ConsigneAppBar() {
  return (
    <AppBar
      color="primary"
      toolbar={
        <>
          <StructureSwitcher />
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    >
      <TitlePortal component="h1" variant="h6" />
    </AppBar>
  );
}

export function ConsigneLayout({ children }: { children: ReactNode }) {
  useSessionHeartbeat();
  return (
    <Layout appBar={ConsigneAppBar} menu={AppMenu}>
      {children}
    </Layout>
  );
}
