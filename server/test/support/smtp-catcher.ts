import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback that keeps what it receives, so tests go through nodemailer and
 * the network exactly as production does. `mailparser` is not installed: the small MIME reader
 * below handles what nodemailer writes (multipart, quoted-printable, base64, encoded-word headers).
 */

export interface CaughtMail {
  /** Envelope sender and recipients (MAIL FROM / RCPT TO), lower-cased. */
  envelope: { from: string; to: string[] };
  /** Header names lower-cased, values decoded and unfolded. */
  headers: Record<string, string>;
  subject: string;
  text?: string;
  html?: string;
  raw: string;
}

export interface SmtpCatcher {
  /** `smtp://127.0.0.1:PORT`, ready for `SMTP_URL`. */
  url: string;
  messages: CaughtMail[];
  /** Resolves with the oldest mail to `to` that no earlier call has returned. */
  waitForMail(to: string, options?: { timeoutMs?: number }): Promise<CaughtMail>;
  close(): Promise<void>;
}

interface Waiter {
  to: string;
  resolve(mail: CaughtMail): void;
}

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  const claimed = new Set<CaughtMail>();
  let waiters: Waiter[] = [];

  const claim = (to: string): CaughtMail | undefined => {
    const mail = messages.find((m) => !claimed.has(m) && m.envelope.to.includes(to));
    if (mail) claimed.add(mail);
    return mail;
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        messages.push({
          envelope: {
            from: mailFrom ? mailFrom.address.toLowerCase() : '',
            to: rcptTo.map((r) => r.address.toLowerCase()),
          },
          ...parseMail(Buffer.concat(chunks).toString('utf8')),
        });
        waiters = waiters.filter((waiter) => {
          const mail = claim(waiter.to);
          if (mail) waiter.resolve(mail);
          return !mail;
        });
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForMail(to, { timeoutMs = 5000 } = {}) {
      const wanted = to.toLowerCase();
      const ready = claim(wanted);
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          to: wanted,
          resolve: (mail) => (clearTimeout(timer), resolve(mail)),
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          const seen = messages.flatMap((m) => m.envelope.to).join(', ') || 'none';
          reject(new Error(`No mail to ${to} within ${timeoutMs} ms (mail received for: ${seen})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface MimePart {
  headers: Record<string, string>;
  body: string;
}

function parseMail(raw: string): Omit<CaughtMail, 'envelope'> {
  const root = splitPart(raw);
  const leaves = flatten(root);
  const bodyOf = (type: string) => {
    const part = leaves.find(
      (p) => contentType(p).value === type && !/attachment/i.test(p.headers['content-disposition'] ?? ''),
    );
    return part && decodeBody(part);
  };
  const text = bodyOf('text/plain');
  const html = bodyOf('text/html');
  return {
    headers: root.headers,
    subject: root.headers.subject ?? '',
    ...(text === undefined ? {} : { text }),
    ...(html === undefined ? {} : { html }),
    raw,
  };
}

function splitPart(source: string): MimePart {
  const normalised = source.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? '' : normalised.slice(end + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function flatten(part: MimePart): MimePart[] {
  const { value, params } = contentType(part);
  if (!value.startsWith('multipart/') || !params.boundary) return [part];
  const delimiter = `--${params.boundary}`;
  const sections = part.body.split(new RegExp(`^${escapeRegExp(delimiter)}(?:--)?[ \\t]*$`, 'm'));
  // First section is the preamble, last the epilogue.
  return sections.slice(1, -1).flatMap((section) => flatten(splitPart(section.replace(/^\n/, ''))));
}

function contentType(part: MimePart): { value: string; params: Record<string, string> } {
  const [value = '', ...rest] = (part.headers['content-type'] ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const match = /^\s*([^=]+)=\s*"?([^"]*)"?\s*$/.exec(param);
    if (match) params[match[1]!.toLowerCase()] = match[2]!;
  }
  return { value: value.trim().toLowerCase(), params };
}

function decodeBody(part: MimePart): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  // The section split leaves the newline that precedes the next boundary.
  const body = part.body.replace(/\n$/, '');
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(body: string): string {
  // Literal "%" first, so that only the QP escapes become percent escapes.
  const escaped = body
    .replace(/=\n/g, '')
    .replace(/%/g, '%25')
    .replace(/=([0-9A-F]{2})/gi, '%$1');
  return decodeURIComponent(escaped);
}

/** RFC 2047 encoded words, as nodemailer writes non-ASCII subjects and names. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BQ]\?[^?]*\?=)\s+(?==\?)/gi, '$1')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
