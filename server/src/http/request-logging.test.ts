import { describe, expect, it } from 'vitest';
import { newToken } from '../auth/tokens.js';
import { loggablePath } from './request-logging.js';

describe('request log paths (LOG-4)', () => {
  it('drops the query string and hides invitation and reset tokens, but keeps ids', () => {
    const token = newToken();
    const id = '0b6c2a9e-58a4-4a8b-9d0e-3c1f2b7a4d55';
    expect(loggablePath(`/api/invitations/${token}/accept`)).toBe('/api/invitations/[token]/accept');
    expect(loggablePath(`/admin/password-reset/${token}`)).toBe('/admin/password-reset/[token]');
    expect(loggablePath(`/api/beneficiaries/${id}?q=Martin`)).toBe(`/api/beneficiaries/${id}`);
  });
});
