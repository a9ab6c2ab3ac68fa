import { Admin, CustomRoutes, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router';
import auditEvents from './audit-events';
import beneficiaries from './beneficiaries';
import documentTypes from './document-types';
import { InvitationPage } from './enrolment/invitation-page';
import { PasswordResetPage } from './enrolment/password-reset-page';
import { ConsigneLayout } from './layout/layout';
import { LoginPage } from './layout/login-page';
import { lightTheme } from './layout/theme';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { i18nProvider } from './providers/i18n-provider';
import staff from './staff';
import { StructureSettingsPage } from './structure-settings/structure-settings-page';
import structures from './structures';

/**
 * Served under /admin/ by the API server, which falls back to index.html for client routes.
 * Which menus a person sees follows their role in the active structure (`canAccess`, UI only).
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
        layout={ConsigneLayout}
        theme={lightTheme}
        disableTelemetry
      >
        <Resource name="beneficiaries" {...beneficiaries} />
        <Resource name="staff" {...staff} />
        <Resource name="audit-events" {...auditEvents} />
        <Resource name="structures" {...structures} />
        <Resource name="document-types" {...documentTypes} />
        <CustomRoutes>
          <Route path="/structure-settings" element={<StructureSettingsPage />} />
        </CustomRoutes>
        <CustomRoutes noLayout>
          <Route path="/invitation/:token" element={<InvitationPage />} />
          <Route path="/password-reset/:token" element={<PasswordResetPage />} />
        </CustomRoutes>
      </Admin>
    </BrowserRouter>
  );
}
