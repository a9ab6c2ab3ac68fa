import { z } from 'zod';
import { notFound } from '../http/errors.js';
import { defineRoute } from '../http/route.js';

const message = z.object({
  id: z.string(),
  channel: z.enum(['sms', 'email']),
  to: z.string(),
  subject: z.string().optional(),
  text: z.string(),
  html: z.string().optional(),
  sentAt: z.string(),
});

/** Development only: what the app would have sent by SMS or e-mail. Absent when real providers are configured. */
export const devRoutes = [
  defineRoute({
    method: 'get',
    path: '/dev/outbox',
    operationId: 'listDevOutbox',
    summary: 'Development only: the SMS and e-mails kept by the dev outbox, newest first.',
    tags: ['development'],
    policy: 'dev.outbox',
    query: z.strictObject({
      to: z.string().max(254).optional(),
      channel: z.enum(['sms', 'email']).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
    responses: { 200: { description: 'Messages', schema: z.object({ messages: z.array(message) }) } },
    handler: async ({ deps, query }) => {
      if (!deps.outbox || deps.config.NODE_ENV === 'production')
        throw notFound('route_not_found', "Cette adresse n'existe pas.");
      return { messages: deps.outbox.list(query) };
    },
  }),
];
