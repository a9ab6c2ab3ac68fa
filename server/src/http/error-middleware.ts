import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../shared/logger.js';
import { AppError, notFound, payloadTooLarge, badRequest } from './errors.js';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Errors thrown by body parsers, mapped to the same typed errors as our own. */
function fromParser(error: unknown): AppError | undefined {
  const e = error as BodyParserError;
  if (e?.type === 'entity.parse.failed')
    return badRequest('malformed_json', "Le contenu envoyé n'est pas du JSON valide.");
  if (e?.type === 'entity.too.large')
    return payloadTooLarge('body_too_large', 'Le contenu envoyé est trop volumineux.');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return new AppError(415, 'unsupported_encoding', "L'encodage du contenu n'est pas accepté (UTF-8 attendu).");
  return undefined;
}

/**
 * Error messages may quote input (a driver's "duplicate entry '…'"): keep the type, driver code
 * and stack frames, never the message.
 */
function redactedError(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error };
  return {
    type: error.name,
    code: (error as { code?: unknown }).code,
    frames: error.stack?.split('\n').slice(1, 8).join('\n'),
  };
}

export function sendProblem(req: Request, res: Response, error: AppError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res
    .status(error.status)
    .set(error.headers)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      status: error.status,
      code: error.code,
      title: error.title,
      requestId: req.id,
      ...error.extra,
    });
}

/** The one place that turns failures into HTTP answers. Stacks, SQL and paths never reach a client. */
export function errorMiddleware(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = error instanceof AppError ? error : fromParser(error);
    if (known) {
      if (known.status >= 500) logger.error({ reqId: req.id, code: known.code }, 'request failed');
      sendProblem(req, res, known);
      return;
    }
    logger.error({ reqId: req.id, err: redactedError(error) }, 'unexpected error');
    sendProblem(
      req,
      res,
      new AppError(500, 'internal_error', 'Une erreur inattendue est survenue. Réessayez plus tard.'),
    );
  };
}

export const unknownRoute = (req: Request, res: Response) =>
  sendProblem(req, res, notFound('route_not_found', "Cette adresse n'existe pas."));
