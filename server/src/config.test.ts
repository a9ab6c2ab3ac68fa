import { describe, expect, it } from 'vitest';
import { DEV_MASTER_KEYS, loadConfig } from './config.js';

const productionEnv = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://consigne.example.fr',
  DATABASE_URL: 'mysql://consigne:secret@db:3306/consigne',
  STORAGE_URL: 's3://consigne-papers',
  MASTER_KEYS: 'k1:' + Buffer.alloc(32, 7).toString('base64'),
  SECRET_KEY: 'a-long-random-production-secret-of-48-characters!!',
  SMTP_URL: 'smtp://mail.example.fr:587',
  TWILIO_ACCOUNT_SID: 'AC123',
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_FROM: '+33700000000',
};

describe('configuration', () => {
  it('defaults to the embedded mode: SQLite and disk storage under ./data, dev outbox', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('sqlite:./data/consigne.db');
    expect(config.STORAGE_URL).toBe('file:./data/blobs');
    expect(config.devOutbox).toBe(true);
    expect(config.SEED_DEMO).toBe(true);
    expect(config.PORT).toBe(3000);
  });

  it('names the variable and what it expects when a value is wrong', () => {
    expect(() => loadConfig({ DATABASE_URL: 'nonsense' })).toThrow(/^Invalid DATABASE_URL: expected sqlite:/);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/^Invalid PORT/);
    expect(() => loadConfig({ MASTER_KEYS: 'short' })).toThrow(/^Invalid MASTER_KEYS/);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig(productionEnv);
    expect(config.COOKIE_SECURE).toBe(true);
    expect(config.devOutbox).toBe(false);
    expect(config.SEED_DEMO).toBe(false);
  });

  it.each([
    ['SMTP_URL', { SMTP_URL: '' }],
    ['TWILIO_ACCOUNT_SID', { TWILIO_ACCOUNT_SID: '' }],
    ['MASTER_KEYS', { MASTER_KEYS: DEV_MASTER_KEYS }],
    ['SECRET_KEY', { SECRET_KEY: '' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'http://consigne.example.fr' }],
    ['SEED_DEMO', { SEED_DEMO: 'true' }],
  ])('refuses to run in production with an unsafe %s', (name, change) => {
    expect(() => loadConfig({ ...productionEnv, ...change })).toThrow(new RegExp(`^Invalid ${name}`));
  });
});
