import { Admin, Resource } from 'react-admin';
import { BrowserRouter } from 'react-router';
import beneficiaries from './beneficiaries';
import { lightTheme } from './layout/theme';
import { LoginPage } from './layout/login-page';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { i18nProvider } from './providers/i18n-provider';
import structures from './structures';

/**
 * Served under /admin/ by the API server, which falls back to index.html for client routes.
 * No `requireAuth`: with this provider (checkAuth always rejects) it sends react-admin 5.15 into a
 * logout/redirect loop for ~15 s; the resource pages' own auth check leads to /login instead.
 */
export function App() {
  return (
    <BrowserRouter basename="/admin">
      <Admin
        title="Consigne"
        authProvider={authProvider}
        dataProvider={dataProvider}
        i18nProvider={i18nProvider}
        loginPage={LoginPage}
        theme={lightTheme}
        disableTelemetry
      >
        <Resource name="beneficiaries" {...beneficiaries} />
        <Resource name="structures" {...structures} />
      </Admin>
    </BrowserRouter>
  );
}
