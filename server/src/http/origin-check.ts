import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config.js';
import { forbidden } from './errors.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SESS-7: a state-changing request must come from our own pages. Browsers send `Origin` on every
 * such request; one that names another site is refused, and so is a cookie-carrying request
 * without it.
 */
export function originCheck(config: Pick<Config, 'PUBLIC_URL'>) {
  const allowed = new URL(config.PUBLIC_URL).origin;
  return (req: Request, _res: Response, next: NextFunction) => {
    if (safeMethods.has(req.method)) return next();
    const origin = req.get('Origin');
    if (origin === allowed || (!origin && !req.headers.cookie)) return next();
    next(forbidden('origin_mismatch', "Cette demande ne vient pas de l'application Consigne : elle a été refusée."));
  };
}
