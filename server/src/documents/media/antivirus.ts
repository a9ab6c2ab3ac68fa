import { createReadStream } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { serviceUnavailable, unprocessable } from '../../http/errors.js';

export interface Antivirus {
  /** Resolves when the file is clean; throws `virus_found` (422) or `antivirus_unavailable` (503). */
  scanFile(path: string): Promise<void>;
}

export interface ClamdOptions {
  host: string;
  port: number;
  /** For the whole scan, connection included. */
  timeoutMs?: number;
}

/** clamd's default StreamMaxLength is 25 MB; 64 KiB chunks keep memory flat whatever the file. */
const CHUNK_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

export const virusFound = () =>
  unprocessable(
    'virus_found',
    "Ce fichier contient un virus. Il n'a pas été enregistré. Envoyez une photo ou un PDF propre du document.",
  );

export const antivirusUnavailable = () =>
  serviceUnavailable(
    'antivirus_unavailable',
    "Nous ne pouvons pas vérifier les fichiers pour le moment. Rien n'a été enregistré. Réessayez dans quelques minutes.",
  );

/**
 * The antivirus from `CLAMAV_URL` (`tcp://host:3310`), or undefined when none is configured.
 * A malformed URL throws at start-up rather than silently disabling the scan.
 */
export function antivirusFromEnv(env: NodeJS.ProcessEnv = process.env): Antivirus | undefined {
  const raw = env.CLAMAV_URL?.trim();
  if (!raw) return undefined;
  const url = new URL(raw);
  if (url.protocol !== 'tcp:' || !url.hostname)
    throw new Error(`CLAMAV_URL must look like tcp://host:3310, got ${raw}`);
  return clamdAntivirus({ host: url.hostname, port: Number(url.port || 3310) });
}

/** A clamd client speaking INSTREAM over TCP. Any failure to get a verdict fails closed (UP-8). */
export function clamdAntivirus({ host, port, timeoutMs = DEFAULT_TIMEOUT_MS }: ClamdOptions): Antivirus {
  return {
    async scanFile(path) {
      const reply = await instream(host, port, path, timeoutMs).catch(() => {
        throw antivirusUnavailable();
      });
      if (reply === 'stream: OK') return;
      if (/^stream: .+ FOUND$/.test(reply)) throw virusFound();
      throw antivirusUnavailable(); // "... ERROR", e.g. the file exceeds clamd's StreamMaxLength
    },
  };
}

/** Sends `zINSTREAM\0`, the file in length-prefixed chunks and a zero-length chunk; returns the reply. */
function instream(host: string, port: number, path: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const replyChunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error('clamd timed out')), timeoutMs);
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const reply = Buffer.concat(replyChunks)
        .toString('utf8')
        .replace(/\0[\s\S]*$/, '')
        .trim();
      // clamd may answer and hang up before the upload ends (size limit): its answer still counts.
      if (reply) resolve(reply);
      else reject(error ?? new Error('clamd closed without a reply'));
    };
    socket.on('data', (chunk: Buffer) => {
      replyChunks.push(chunk);
      if (chunk.includes(0)) settle();
    });
    socket.once('error', settle);
    socket.once('close', () => settle());
    socket.once('connect', () => {
      sendFile(socket, path).catch((error: unknown) => {
        settle(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
}

async function sendFile(socket: Socket, path: string): Promise<void> {
  await write(socket, Buffer.from('zINSTREAM\0', 'latin1'));
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const data = chunk as Buffer;
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    await write(socket, Buffer.concat([length, data]));
  }
  await write(socket, Buffer.alloc(4));
}

function write(socket: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed) {
      reject(new Error('clamd connection closed'));
      return;
    }
    socket.write(data, (error) => (error ? reject(error) : resolve()));
  });
}
