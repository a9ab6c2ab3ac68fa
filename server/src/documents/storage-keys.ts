/**
 * The one place that names where a document's objects live (UP-5: keys are derived from the
 * server-generated id, never from anything the user sent) and the context each is bound to, so
 * that swapping two objects fails authentication (ENC-3).
 */
export type BlobPart = 'original' | 'thumbnail';

export const BLOB_PARTS: readonly BlobPart[] = ['original', 'thumbnail'];

export const DOCUMENTS_PREFIX = 'documents/';

export const blobKey = (documentId: string, part: BlobPart): string => `${DOCUMENTS_PREFIX}${documentId}/${part}`;

export const blobContext = (documentId: string, part: BlobPart): string => `${documentId}:${part}`;

const KEY = /^documents\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/(original|thumbnail)$/;

/** The document and part a stored key belongs to, or null for a key we never write. */
export function parseBlobKey(key: string): { documentId: string; part: BlobPart } | null {
  const match = KEY.exec(key);
  return match ? { documentId: match[1]!, part: match[2] as BlobPart } : null;
}
