import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type Request, type Response, type NextFunction } from 'express';

export interface WebRoots {
  /** Built beneficiary app (`beneficiary-web/dist`), served at `/`. */
  beneficiary?: string;
  /** Built back-office (`backoffice/dist`), served at `/admin`. */
  backoffice?: string;
}

const notBuilt = (
  name: string,
) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Consigne</title></head>
<body><main><h1>Consigne</h1><p>${name} n'est pas encore construit : lancez <code>npm run build</code>.</p></main></body></html>`;

/**
 * Serves a single-page app: hashed assets for a year, `index.html` never cached, and any other
 * GET that asks for HTML falls back to `index.html` so client-side routes survive a reload.
 */
function singlePageApp(root: string | undefined, name: string) {
  const router = express.Router();
  if (!root || !existsSync(join(root, 'index.html'))) {
    router.use((req: Request, res: Response, next: NextFunction) =>
      req.method === 'GET' && req.accepts('html') ? void res.type('html').send(notBuilt(name)) : next(),
    );
    return router;
  }
  router.use(
    express.static(root, {
      index: false,
      setHeaders: (res, path) => {
        const hashed = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|webp)$/.test(path) && path.includes('assets');
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(root, 'index.html'));
  });
  return router;
}

export function webApps(roots: WebRoots) {
  const router = express.Router();
  // Static app files only: API answers carry secrets (codes, tokens) and stay uncompressed (BREACH).
  router.use(compression());
  router.use((req: Request, res: Response, next: NextFunction) =>
    req.path === '/admin' ? res.redirect(301, '/admin/') : next(),
  );
  router.use('/admin', singlePageApp(roots.backoffice, "L'espace des professionnels"));
  router.use('/', singlePageApp(roots.beneficiary, "L'application des bénéficiaires"));
  return router;
}
