import { openApiRoute } from './http/docs.js';
import { buildOpenApi } from './http/openapi.js';
import type { AnyRoute } from './http/route.js';
import { domainRoutes } from './routes.js';
import { version } from './version.js';

/** Every route the app mounts under `/api`, the OpenAPI route included. */
export function apiRoutes(serverUrl: string): AnyRoute[] {
  const routes: AnyRoute[] = [...domainRoutes, openApiRoute(() => routes, { version, serverUrl })];
  return routes;
}

/** The published contract, as committed in `server/openapi/openapi.json` for client generation. */
export function publishedOpenApi() {
  return buildOpenApi(apiRoutes('http://localhost:3000'), { version, serverUrl: 'http://localhost:3000' });
}
