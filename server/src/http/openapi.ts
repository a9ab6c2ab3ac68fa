import { z } from 'zod';
import type { AnyRoute, ResponseSpec } from './route.js';

const problem = z
  .object({
    type: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine code, e.g. validation_failed'),
    title: z.string().describe('Human message in French'),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retryAfter: z.number().int().optional(),
  })
  .loose();

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not authenticated',
  403: 'Not allowed',
  404: 'Not found, or not visible to you',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  503: 'Service unavailable',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return rest;
}

function parameters(route: AnyRoute) {
  const list: Record<string, unknown>[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!(schema instanceof z.ZodObject)) continue;
    const shape = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, prop] of Object.entries(shape.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (shape.required ?? []).includes(name), schema: prop });
    }
  }
  return list;
}

function response(spec: ResponseSpec) {
  if (!spec.schema && !spec.contentType) return { description: spec.description };
  const contentType = spec.contentType ?? 'application/json';
  return {
    description: spec.description,
    content: { [contentType]: { schema: spec.schema ? jsonSchema(spec.schema, 'output') : {} } },
  };
}

/** The OpenAPI 3.1 document, derived from the very zod schemas the routes validate with. */
export function buildOpenApi(routes: AnyRoute[], info: { version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) responses[status] = response(spec);
    const errorStatuses = new Set([400, ...(route.policy === 'system.read' ? [] : [401, 403, 404])]);
    for (const status of errorStatuses) {
      responses[String(status)] ??= {
        description: errorDescriptions[status],
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    const requestBody = route.multipart
      ? { required: true, content: { 'multipart/form-data': { schema: jsonSchema(route.multipart, 'input') } } }
      : route.body
        ? { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } }
        : undefined;
    (paths[path] ??= {})[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags,
      'x-policy': route.policy,
      parameters: parameters(route),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Consigne API',
      version: info.version,
      description: 'API du coffre-fort numérique solidaire Consigne.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: `${info.serverUrl}/api` }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problem, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'consigne_session' } },
    },
    security: [{ session: [] }],
  };
}
