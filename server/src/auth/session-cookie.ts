import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';
import type { Config } from '../config.js';

/** SESS-6: `__Host-` prefix and `Secure` over HTTPS; always HttpOnly and SameSite. */
export const sessionCookieName = (config: Pick<Config, 'COOKIE_SECURE'>) =>
  config.COOKIE_SECURE ? '__Host-consigne_session' : 'consigne_session';

export function readSessionToken(req: Request, config: Pick<Config, 'COOKIE_SECURE'>): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const token = parse(header)[sessionCookieName(config)];
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

export function setSessionCookie(
  res: Response,
  config: Pick<Config, 'COOKIE_SECURE'>,
  token: string,
  expiresAt: Date,
): void {
  res.append(
    'Set-Cookie',
    serialize(sessionCookieName(config), token, {
      httpOnly: true,
      secure: config.COOKIE_SECURE,
      sameSite: 'lax',
      path: '/',
      expires: expiresAt,
    }),
  );
}

/** SESS-3: the cookie goes, and the browser is told to drop what it kept for the site. */
export function clearSessionCookie(res: Response, config: Pick<Config, 'COOKIE_SECURE'>): void {
  res.append(
    'Set-Cookie',
    serialize(sessionCookieName(config), '', {
      httpOnly: true,
      secure: config.COOKIE_SECURE,
      sameSite: 'lax',
      path: '/',
      expires: new Date(0),
    }),
  );
  res.setHeader('Clear-Site-Data', '"cache", "cookies", "storage"');
}
