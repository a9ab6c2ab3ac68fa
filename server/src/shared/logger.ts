import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs. They never carry personal data, codes, tokens or document contents: callers log
 * ids and outcomes only, and these paths are redacted as a second line of defence (LOG-4).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'consigne' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          '*.password',
          '*.code',
          '*.token',
          '*.phone',
          '*.email',
          'req.headers.cookie',
          'req.headers.authorization',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** Keeps the last digits only, for the rare log line that must tell two numbers apart. */
export function maskPhone(e164: string): string {
  return `${'•'.repeat(Math.max(0, e164.length - 2))}${e164.slice(-2)}`;
}
