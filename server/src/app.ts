import express from 'express';
import { authenticate } from './auth/authenticate.js';
import type { Deps } from './deps.js';
import { docsRouter } from './http/docs.js';
import { errorMiddleware, unknownRoute } from './http/error-middleware.js';
import { originCheck } from './http/origin-check.js';
import { requestLogging } from './http/request-logging.js';
import { toHandler } from './http/route.js';
import { securityHeaders } from './http/security-headers.js';
import { webApps, type WebRoots } from './http/web-apps.js';
import { apiRoutes } from './openapi-document.js';

export interface AppOptions {
  webRoots?: WebRoots;
}

/** Builds the whole HTTP application from its dependencies; `main.ts` only adds the listener. */
export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = express();
  app.disable('x-powered-by');
  app.set(
    'trust proxy',
    deps.config.TRUSTED_PROXIES.split(',').map((s) => s.trim()),
  );
  app.set('query parser', 'simple');
  app.use(requestLogging(deps.logger));
  app.use(securityHeaders(deps.config));

  const routes = apiRoutes(deps.config.PUBLIC_URL);
  const api = express.Router();
  api.use('/docs', docsRouter());
  api.use(originCheck(deps.config));
  api.use(express.json({ limit: '100kb', strict: true, type: ['application/json', 'application/*+json'] }));
  api.use(authenticate(deps));
  for (const route of routes) api[route.method](route.path, toHandler(route, deps));
  api.use(unknownRoute);
  app.use('/api', api);

  app.use(webApps(options.webRoots ?? {}));
  app.use(unknownRoute);
  app.use(errorMiddleware(deps.logger));
  return app;
}
