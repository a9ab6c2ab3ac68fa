import { devRoutes } from './dev/dev.routes.js';
import { healthRoutes } from './health/health.routes.js';
import type { AnyRoute } from './http/route.js';

/** Every API route, by domain. The OpenAPI document and the route-coverage test read this list. */
export const domainRoutes: AnyRoute[] = [...healthRoutes, ...devRoutes];
