/**
 * Stored bytes failed authentication: tampered, truncated, swapped or unreadable with this key.
 * Callers map it to `integrityError()` and send nothing more; the reason is for logs only.
 */
export class IntegrityError extends Error {
  override name = 'IntegrityError';
}
