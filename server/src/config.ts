import { z } from 'zod';

/** Development-only secrets: obvious on purpose, refused in production. */
export const DEV_MASTER_KEYS = 'dev1:ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=';
export const DEV_SECRET = 'dev-only-secret-do-not-use-in-production';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const databaseUrl = z.string().regex(/^(sqlite:.+|(mysql|mariadb):\/\/.+)$/, {
  message: 'expected sqlite:<file> (e.g. sqlite:./data/consigne.db) or mysql://user:password@host:3306/database',
});

const storageUrl = z.string().regex(/^(file:.+|s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?)$/, {
  message: 'expected file:<directory> (e.g. file:./data/blobs) or s3://bucket[/prefix]',
});

const positiveInt = z.coerce.number({ message: 'expected a whole number' }).int().positive();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ message: 'expected an absolute URL such as https://consigne.example.fr' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: databaseUrl.optional(),
  STORAGE_URL: storageUrl.optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_FORCE_PATH_STYLE: bool.default(true),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  MASTER_KEYS: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/, {
      message: 'expected kid:base64(32 bytes)[,kid:base64(32 bytes)…], e.g. from `openssl rand -base64 32`',
    })
    .default(DEV_MASTER_KEYS),
  SECRET_KEY: z.string().min(32, { message: 'expected at least 32 characters' }).default(DEV_SECRET),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'expected smtp://… or smtps://…' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Consigne <no-reply@consigne.localhost>'),
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM: z.string().min(1).optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().min(1).optional(),
  TWILIO_API_BASE_URL: z.url().optional(),
  CLAMAV_URL: z
    .string()
    .regex(/^tcp:\/\/[^:]+:\d+$/, { message: 'expected tcp://host:3310' })
    .optional(),
  TRUSTED_PROXIES: z.string().default('loopback'),
  COOKIE_SECURE: bool.optional(),
  UPLOAD_MAX_BYTES: positiveInt.default(20 * 1024 * 1024),
  VAULT_QUOTA_BYTES: positiveInt.default(1024 * 1024 * 1024),
  SMS_DAILY_BUDGET: positiveInt.default(2000),
  SEED_DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

type Env = z.infer<typeof schema>;

export interface Config extends Omit<
  Env,
  'DATABASE_URL' | 'STORAGE_URL' | 'PUBLIC_URL' | 'COOKIE_SECURE' | 'SEED_DEMO'
> {
  DATABASE_URL: string;
  STORAGE_URL: string;
  PUBLIC_URL: string;
  COOKIE_SECURE: boolean;
  SEED_DEMO: boolean;
  /** SMS and e-mail go to the dev outbox instead of Twilio and SMTP. */
  devOutbox: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the environment once. A bad value stops start-up with one line naming the variable and
 * what is expected; production refuses the embedded conveniences (dev outbox, default secrets,
 * cookies without HTTPS).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const config: Config = {
    ...e,
    DATABASE_URL: e.DATABASE_URL ?? `sqlite:${e.DATA_DIR}/consigne.db`,
    STORAGE_URL: e.STORAGE_URL ?? `file:${e.DATA_DIR}/blobs`,
    PUBLIC_URL: publicUrl.replace(/\/+$/, ''),
    COOKIE_SECURE: e.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    SEED_DEMO: e.SEED_DEMO ?? !production,
    devOutbox: !e.SMTP_URL || !e.TWILIO_ACCOUNT_SID,
  };
  if (production) assertProductionReady(config);
  return Object.freeze(config);
}

function assertProductionReady(c: Config): void {
  const refuse = (name: string, why: string) => {
    throw new ConfigError(`Invalid ${name}: ${why} (NODE_ENV=production)`);
  };
  if (!c.SMTP_URL) refuse('SMTP_URL', 'required: production never uses the dev outbox');
  if (!c.TWILIO_ACCOUNT_SID || !c.TWILIO_AUTH_TOKEN)
    refuse(
      'TWILIO_ACCOUNT_SID',
      'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are required: production never uses the dev outbox',
    );
  if (!c.TWILIO_FROM && !c.TWILIO_MESSAGING_SERVICE_SID)
    refuse('TWILIO_FROM', 'TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID is required');
  if (c.MASTER_KEYS.split(',').some((k) => DEV_MASTER_KEYS.includes(k.split(':')[1]!)))
    refuse('MASTER_KEYS', 'the development key must not be used');
  if (c.SECRET_KEY === DEV_SECRET) refuse('SECRET_KEY', 'the development secret must not be used');
  if (!c.PUBLIC_URL.startsWith('https://')) refuse('PUBLIC_URL', 'expected an https:// URL');
  if (!c.COOKIE_SECURE) refuse('COOKIE_SECURE', 'cookies must be HTTPS-only');
  if (c.SEED_DEMO) refuse('SEED_DEMO', 'demo data is never seeded in production');
}
