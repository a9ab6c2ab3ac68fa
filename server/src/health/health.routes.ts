import { z } from 'zod';
import { serviceUnavailable } from '../http/errors.js';
import { defineRoute } from '../http/route.js';

const status = z.object({ status: z.literal('ok') });
const readiness = z.object({ status: z.literal('ok'), database: z.literal('ok'), storage: z.literal('ok') });

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Liveness: the process answers.',
    tags: ['system'],
    policy: 'system.read',
    responses: { 200: { description: 'Alive', schema: status } },
    handler: async () => ({ status: 'ok' as const }),
  }),
  defineRoute({
    method: 'get',
    path: '/ready',
    operationId: 'getReadiness',
    summary: 'Readiness: the database and the document storage are reachable.',
    tags: ['system'],
    policy: 'system.read',
    responses: {
      200: { description: 'Ready', schema: readiness },
      503: { description: 'A dependency is unreachable' },
    },
    handler: async ({ deps }) => {
      try {
        await deps.db.query('SELECT 1');
      } catch {
        throw serviceUnavailable('database_unavailable', 'La base de données est momentanément indisponible.');
      }
      try {
        await deps.storage.ping();
      } catch {
        throw serviceUnavailable('storage_unavailable', 'Le stockage des documents est momentanément indisponible.');
      }
      return { status: 'ok' as const, database: 'ok' as const, storage: 'ok' as const };
    },
  }),
];
