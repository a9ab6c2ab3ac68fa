import { auditRoutes } from './audit/audit.routes.js';
import { mySessionsRoutes } from './auth/my-sessions.routes.js';
import { smsLoginRoutes } from './auth/sms-login.routes.js';
import { beneficiaryRoutes } from './beneficiaries/beneficiaries.routes.js';
import { followRoutes } from './beneficiaries/follows.routes.js';
import { staffAuthRoutes } from './auth/staff-auth.routes.js';
import { devRoutes } from './dev/dev.routes.js';
import { healthRoutes } from './health/health.routes.js';
import type { AnyRoute } from './http/route.js';
import { staffRoutes } from './staff/staff.routes.js';
import { documentTypeRoutes } from './document-types/document-types.routes.js';
import { documentRoutes } from './documents/documents.routes.js';
import { structureRoutes } from './structures/structure.routes.js';

/** Every API route, by domain. The OpenAPI document and the route-coverage test read this list. */
export const domainRoutes: AnyRoute[] = [
  ...healthRoutes,
  ...devRoutes,
  ...staffAuthRoutes,
  ...structureRoutes,
  ...staffRoutes,
  ...auditRoutes,
  ...smsLoginRoutes,
  ...mySessionsRoutes,
  ...followRoutes,
  ...beneficiaryRoutes,
  ...documentTypeRoutes,
  ...documentRoutes,
];
