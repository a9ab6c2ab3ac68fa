import type { AuthProvider } from 'react-admin';

/**
 * Placeholder until the staff session API exists: nobody is signed in, so every page leads to the
 * login page, and signing in explains that it is not available yet. The real provider will call
 * `/api/...` through `apiFetch`; permissions shown in the UI will only mirror the server's policies.
 */
export const authProvider: AuthProvider = {
  login: () => Promise.reject(new Error('consigne.login.unavailable')),
  logout: () => Promise.resolve(),
  // `message: false`: landing on the login page is expected, not an error to announce.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- react-admin's documented shape
  checkAuth: () => Promise.reject({ message: false }),
  checkError: (error: { status?: number }) =>
    error?.status === 401 || error?.status === 403 ? Promise.reject(new Error('unauthenticated')) : Promise.resolve(),
  getPermissions: () => Promise.resolve(undefined),
};
