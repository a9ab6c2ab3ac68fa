import { createRequire } from 'node:module';
import express from 'express';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from './route.js';
import { buildOpenApi } from './openapi.js';

const swaggerUi = createRequire(import.meta.url)('swagger-ui-dist') as { getAbsoluteFSPath(): string };
const swaggerUiDir = swaggerUi.getAbsoluteFSPath();

const page = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consigne — référence de l'API</title>
<link rel="stylesheet" href="./swagger-ui.css">
</head>
<body><main id="api"></main>
<script src="./swagger-ui-bundle.js"></script>
<script src="./init.js"></script>
</body>
</html>`;

const init = `window.ui = SwaggerUIBundle({ url: '../openapi.json', dom_id: '#api', deepLinking: true });`;

/** `/api/docs`: a browsable reference of the OpenAPI document (static, read-only). */
export function docsRouter() {
  const router = express.Router();
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/' && !req.originalUrl.split('?')[0]!.endsWith('/')) return res.redirect(301, `${req.baseUrl}/`);
    if (req.path === '/') return void res.type('html').send(page);
    if (req.path === '/init.js') return void res.type('js').send(init);
    next();
  });
  router.use(express.static(swaggerUiDir, { index: false, fallthrough: true }));
  return router;
}

export function openApiRoute(routes: () => AnyRoute[], info: { version: string; serverUrl: string }) {
  let document: unknown;
  return defineRoute({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApi',
    summary: 'The OpenAPI 3.1 document of this API.',
    tags: ['system'],
    policy: 'system.read',
    responses: { 200: { description: 'OpenAPI document', schema: z.record(z.string(), z.unknown()) } },
    handler: async () => (document ??= buildOpenApi(routes(), info)),
  });
}
