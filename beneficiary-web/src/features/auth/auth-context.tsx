import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onUnauthorized } from '../../lib/api';
import { deviceKind, forgetOfflineData, setDeviceKind, type DeviceKind } from '../../lib/offline';
import { getMe, logout as logoutRequest, type BeneficiaryMe } from './api/auth';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason?: 'expired' | 'staff' }
  | { status: 'signedIn'; me: BeneficiaryMe }
  /** No network at start: the papers kept on this phone are shown, read only. */
  | { status: 'offline' };

interface Auth {
  state: AuthState;
  /** After a successful code check: loads who is signed in. */
  signedIn: (device: DeviceKind) => Promise<void>;
  logout: () => Promise<void>;
  /** Asks the server again (after coming back online). */
  refresh: () => void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  // The device choice is written at login and removed at logout: without it there is no session
  // to look for, and the login screen shows at once (no request, no 401 in the console).
  const [state, setState] = useState<AuthState>(() =>
    deviceKind() === null ? { status: 'signedOut' } : { status: 'loading' },
  );
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (version === 0 && deviceKind() === null) return;
    const controller = new AbortController();
    getMe(controller.signal).then(
      (me) => {
        if (me.kind === 'beneficiary') setState({ status: 'signedIn', me });
        else setState({ status: 'signedOut', reason: 'staff' });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.code === 'network_error') {
          setState({ status: 'offline' });
        } else {
          void forgetOfflineData();
          setState({ status: 'signedOut' });
        }
      },
    );
    return () => controller.abort();
  }, [version]);

  useEffect(() => {
    onUnauthorized(() => {
      setState((previous) => (previous.status === 'signedIn' ? { status: 'signedOut', reason: 'expired' } : previous));
      void forgetOfflineData();
    });
    return () => onUnauthorized(null);
  }, []);

  const signedIn = useCallback(async (device: DeviceKind) => {
    setDeviceKind(device);
    const me = await getMe();
    if (me.kind === 'beneficiary') setState({ status: 'signedIn', me });
  }, []);

  const logout = useCallback(async () => {
    try {
      await logoutRequest();
    } finally {
      await forgetOfflineData();
      setState({ status: 'signedOut' });
    }
  }, []);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  const value = useMemo<Auth>(() => ({ state, signedIn, logout, refresh }), [state, signedIn, logout, refresh]);
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): Auth {
  const auth = use(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}

/** The signed-in beneficiary; only for screens rendered when signed in. */
export function useMe(): BeneficiaryMe | null {
  const { state } = useAuth();
  return state.status === 'signedIn' ? state.me : null;
}
