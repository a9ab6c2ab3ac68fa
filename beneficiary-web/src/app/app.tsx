import { WelcomeScreen } from '../features/auth/components/welcome-screen';
import { I18nProvider } from '../i18n/i18n';
import { AppShell } from './app-shell';

/** Providers, then the shell. Routing arrives with the second screen. */
export function App() {
  return (
    <I18nProvider>
      <AppShell>
        <WelcomeScreen />
      </AppShell>
    </I18nProvider>
  );
}
