import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../shared/logger.js';

const acceptedRequestId = /^[A-Za-z0-9._-]{8,64}$/;

/** Invitation and password-reset links carry a 256-bit token in their path (43 base64url characters). */
const tokenSegment = /(?<=\/)[A-Za-z0-9_-]{43}(?=\/|$)/g;

/** The path as logged: no query string (it may hold search terms) and no tokens (LOG-4). */
export const loggablePath = (url: string) => url.split('?')[0]!.replace(tokenSegment, '[token]');

/**
 * One log line per request, with its id. Only method, path (no query string: it may hold search
 * terms), route status and timing are logged — never bodies, cookies or headers.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && acceptedRequestId.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: loggablePath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  });
}
