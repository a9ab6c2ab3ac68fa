import type { MasterKeyRing } from '../storage/master-keys.js';
import type { DocumentRecord } from './document.entity.js';

/** The document's data key, unwrapped from its row (throws IntegrityError / MasterKeysError). */
export function dataKeyOf(keys: MasterKeyRing, doc: Pick<DocumentRecord, 'keyId' | 'wrappedKey'>): Buffer {
  return keys.unwrapDataKey(doc.keyId, Buffer.from(doc.wrappedKey, 'base64'));
}
