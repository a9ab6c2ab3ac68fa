import { join } from 'node:path';
import { createDataSource } from '@consigne/database/data-source';
import type { Config } from './config.js';
import type { Deps } from './deps.js';
import { entities } from './entities.js';
import { openDevOutbox } from './notifications/dev-outbox.js';
import { createOutboxMailer, createSmtpMailer } from './notifications/mailer.js';
import { createOutboxSmsSender, createTwilioSmsSender } from './notifications/sms.js';
import { createBlobStore } from './storage/create-blob-store.js';
import { MasterKeyRing } from './storage/master-keys.js';
import { systemClock, type Clock } from './shared/clock.js';
import { createLogger, type Logger } from './shared/logger.js';

export interface DepsOverrides {
  clock?: Clock;
  logger?: Logger;
}

/** Opens every external dependency once; the server, the CLI and the tests all build them here. */
export async function createDeps(config: Readonly<Config>, overrides: DepsOverrides = {}): Promise<Deps> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const clock = overrides.clock ?? systemClock;
  const db = createDataSource({ url: config.DATABASE_URL, entities });
  await db.initialize();

  // Production refuses the outbox (see config.ts); elsewhere it stands in for whichever provider is not configured.
  const outbox = config.devOutbox
    ? await openDevOutbox({
        dir: join(config.DATA_DIR, 'outbox'),
        clock,
        print: config.NODE_ENV === 'test' ? () => {} : undefined,
      })
    : null;
  const mailer = config.SMTP_URL
    ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM, log: logger })
    : createOutboxMailer(outbox!);
  const sms =
    config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN
      ? createTwilioSmsSender({
          accountSid: config.TWILIO_ACCOUNT_SID,
          authToken: config.TWILIO_AUTH_TOKEN,
          from: config.TWILIO_FROM,
          messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID,
          apiBaseUrl: config.TWILIO_API_BASE_URL,
          log: logger,
        })
      : createOutboxSmsSender(outbox!);
  const storage = createBlobStore(config.STORAGE_URL, {
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
  });
  const keys = MasterKeyRing.parse(config.MASTER_KEYS);
  return { config, db, clock, logger, storage, keys, mailer, sms, outbox };
}

export async function closeDeps(deps: Deps): Promise<void> {
  if (deps.db.isInitialized) await deps.db.destroy();
}
