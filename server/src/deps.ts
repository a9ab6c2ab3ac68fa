import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import type { DevOutbox } from './notifications/dev-outbox.js';
import type { Mailer } from './notifications/mailer.js';
import type { SmsSender } from './notifications/sms.js';
import type { BlobStore } from './storage/blob-store.js';
import type { MasterKeyRing } from './storage/master-keys.js';
import type { Clock } from './shared/clock.js';
import type { Logger } from './shared/logger.js';

/** Everything that does I/O or reads time, built once in `main.ts` (or by the tests) and injected. */
export interface Deps {
  config: Readonly<Config>;
  db: DataSource;
  clock: Clock;
  logger: Logger;
  /** Encrypted document objects: local disk or any S3-compatible store. */
  storage: BlobStore;
  /** Wraps and unwraps each document's data key (MASTER_KEYS). */
  keys: MasterKeyRing;
  mailer: Mailer;
  sms: SmsSender;
  /** Set in the embedded/dev mode only, where SMS and e-mail are kept instead of sent. */
  outbox: DevOutbox | null;
}
