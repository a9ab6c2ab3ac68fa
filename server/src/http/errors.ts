/**
 * Typed application errors. Every failure a client can see is one of these; the error middleware
 * maps it to `application/problem+json` (RFC 9457) with a stable machine `code` and a French `title`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Human message for the person using the app, in French. */
    readonly title: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${title}`);
    this.name = 'AppError';
  }
}

type Extra = Record<string, unknown>;

export const badRequest = (code: string, title: string, extra?: Extra) => new AppError(400, code, title, extra);

export const unauthenticated = (code = 'unauthenticated', title = 'Vous devez vous connecter pour continuer.') =>
  new AppError(401, code, title);

export const forbidden = (code = 'forbidden', title = "Vous n'avez pas le droit de faire cette action.") =>
  new AppError(403, code, title);

/** Also the answer for anything the actor may not see: its existence is not disclosed. */
export const notFound = (code = 'not_found', title = "Cette ressource n'existe pas ou ne vous est pas accessible.") =>
  new AppError(404, code, title);

export const conflict = (code: string, title: string, extra?: Extra) => new AppError(409, code, title, extra);

export const gone = (code: string, title: string) => new AppError(410, code, title);

export const payloadTooLarge = (code: string, title: string, extra?: Extra) => new AppError(413, code, title, extra);

export const unsupportedMediaType = (code: string, title: string, extra?: Extra) =>
  new AppError(415, code, title, extra);

export const unprocessable = (code: string, title: string, extra?: Extra) => new AppError(422, code, title, extra);

export const tooManyRequests = (code: string, title: string, retryAfterSeconds: number) =>
  new AppError(429, code, title, { retryAfter: retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });

export const serviceUnavailable = (
  code = 'service_unavailable',
  title = 'Le service est momentanément indisponible. Réessayez dans quelques minutes.',
) => new AppError(503, code, title);

/** Stored data failed its authentication or checksum: never send any of it. */
export const integrityError = () =>
  new AppError(
    500,
    'integrity_error',
    "Ce document est endommagé et ne peut pas être ouvert. L'équipe technique a été prévenue.",
  );
