import { HttpError, type AuthProvider } from 'react-admin';
import { getActiveStructureId, setActiveStructureId } from './active-structure';
import type { Json, Membership, StaffMe, StaffRole } from './api-types';
import { apiFetch } from './http';

/**
 * Staff sessions on the real API. Sign-in has two steps: `staffLogin` (e-mail + password, opens a
 * short "waiting for the code" session) then `staffVerifyTotp` (TOTP or recovery code). Who is
 * signed in, and their structures, come from `getMe`.
 *
 * Permissions here only shape the UI (which menus and buttons show); the server decides.
 */
export interface Permissions {
  platformAdmin: boolean;
  /** The role in the active structure, or null when acting for none. */
  role: StaffRole | null;
  structureId: string | null;
  memberships: Membership[];
}

let me: StaffMe | null = null;
let pending: Promise<StaffMe> | null = null;

/** The structure to act for: the one kept in localStorage if still a membership, else the first one. */
function settleActiveStructure(staff: StaffMe): void {
  const stored = getActiveStructureId();
  if (stored && staff.memberships.some((m) => m.structureId === stored)) return;
  setActiveStructureId(staff.memberships[0]?.structureId ?? null);
}

function remember(staff: StaffMe): StaffMe {
  settleActiveStructure(staff);
  me = staff;
  return staff;
}

async function fetchMe(): Promise<StaffMe> {
  const { json } = await apiFetch<Json<'getMe'>>('/me');
  if (json.kind !== 'staff') throw new HttpError('consigne.session.not_staff', 401);
  return remember(json);
}

/** The signed-in staff member; one request shared by concurrent callers, cached afterwards. */
function currentMe(fresh = false): Promise<StaffMe> {
  if (me && !fresh) return Promise.resolve(me);
  pending ??= fetchMe().finally(() => {
    pending = null;
  });
  return pending;
}

export function permissionsOf(staff: StaffMe): Permissions {
  const structureId = getActiveStructureId();
  const membership = staff.memberships.find((m) => m.structureId === structureId);
  return {
    platformAdmin: staff.platformAdmin,
    role: membership?.role ?? null,
    structureId: membership?.structureId ?? null,
    memberships: staff.memberships,
  };
}

/** Which resources each role works with (the menu and pages follow; the server enforces). */
export function allowed(permissions: Permissions, resource: string): boolean {
  switch (resource) {
    case 'beneficiaries':
    case 'documents':
      return permissions.role === 'referent';
    case 'staff':
    case 'audit-events':
    case 'structure-settings':
      return permissions.role === 'admin';
    case 'structures':
    case 'document-types':
      return permissions.platformAdmin;
    default:
      return false;
  }
}

/** Sign-in step 1. Resolves when the password was accepted and the code is expected next. */
export async function submitPassword(email: string, password: string): Promise<void> {
  me = null;
  await apiFetch<Json<'staffLogin'>>('/auth/staff/login', {
    method: 'POST',
    body: JSON.stringify({ email, password }),
  });
}

/** After the invitation's last step the server opened a session: start from a fresh identity. */
export function forgetIdentity(): void {
  me = null;
}

const isUnauthenticated = (error: unknown) => error instanceof HttpError && error.status === 401;

export const authProvider: AuthProvider = {
  /** Sign-in step 2: `{ code }` (TOTP) or `{ recoveryCode }`. */
  async login(params: { code?: string; recoveryCode?: string }) {
    const body = params.recoveryCode ? { recoveryCode: params.recoveryCode } : { code: params.code ?? '' };
    const { json } = await apiFetch<Json<'staffVerifyTotp'>>('/auth/staff/totp', {
      method: 'POST',
      body: JSON.stringify(body),
    });
    if (json.kind === 'staff') remember(json);
  },

  async logout() {
    const wasSignedIn = me !== null;
    me = null;
    if (wasSignedIn) {
      await apiFetch('/auth/logout', { method: 'POST' }).catch(() => undefined);
    }
  },

  /** Every page change asks the server again, so a deactivated account or an ended session is seen at once. */
  async checkAuth() {
    const wasSignedIn = me !== null;
    try {
      await currentMe(true);
    } catch (error) {
      me = null;
      if (isUnauthenticated(error)) {
        // First visit: landing on the login page is expected, not an error to announce.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- react-admin's documented shape
        return Promise.reject({ message: wasSignedIn ? 'consigne.session.expired' : false });
      }
      throw error;
    }
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      const wasSignedIn = me !== null;
      me = null;
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- react-admin's documented shape
      return Promise.reject({ message: wasSignedIn ? 'consigne.session.expired' : false });
    }
    // 403 and 404 are answers about one record or action, not about the session.
  },

  async getIdentity() {
    const staff = await currentMe();
    return { id: staff.id, fullName: staff.displayName, email: staff.email };
  },

  async getPermissions() {
    return permissionsOf(await currentMe());
  },

  async canAccess({ resource }: { resource: string; action: string }) {
    try {
      return allowed(permissionsOf(await currentMe()), resource);
    } catch {
      return false;
    }
  },
};
