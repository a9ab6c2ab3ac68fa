import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../shared/clock.js';

/**
 * Development stand-in for the SMS and e-mail providers: nothing leaves the machine, every message
 * is kept so that a developer (or the dev-only `/api/dev/outbox` route) can read login codes and
 * links. It prints message bodies, codes included, so it must never be wired in production.
 */

export type OutboxChannel = 'sms' | 'email';

export interface OutboxMessage {
  id: string;
  channel: OutboxChannel;
  to: string;
  subject?: string;
  text: string;
  html?: string;
  /** ISO 8601, from the injected clock. */
  sentAt: string;
}

export type OutboxDraft = Omit<OutboxMessage, 'id' | 'sentAt'>;

export interface OutboxFilter {
  to?: string;
  channel?: OutboxChannel;
  limit?: number;
}

export interface DevOutbox {
  record(draft: OutboxDraft): Promise<OutboxMessage>;
  /** Newest first. */
  list(filter?: OutboxFilter): OutboxMessage[];
}

export interface DevOutboxOptions {
  /** Directory holding `outbox.jsonl`, created if missing (e.g. `data/outbox`). */
  dir: string;
  clock: Clock;
  /** Where the readable block goes; tests pass a spy to keep their output clean. */
  print?: (block: string) => void;
}

const FILE_NAME = 'outbox.jsonl';

export async function openDevOutbox({ dir, clock, print = console.log }: DevOutboxOptions): Promise<DevOutbox> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, FILE_NAME);
  // Kept in recording order, which is also the file's order: `list` only has to walk it backwards.
  const messages = await readMessages(file);
  let writes: Promise<unknown> = Promise.resolve();

  return {
    record(draft) {
      const message: OutboxMessage = { ...draft, id: randomUUID(), sentAt: clock.now().toISOString() };
      // Chained so that concurrent sends land in the file in the same order as in memory.
      const written = writes.then(async () => {
        await appendFile(file, `${JSON.stringify(message)}\n`, 'utf8');
        messages.push(message);
        print(formatBlock(message));
        return message;
      });
      writes = written.catch(() => undefined);
      return written;
    },

    list({ to, channel, limit } = {}) {
      const wanted = to?.trim().toLowerCase();
      const found: OutboxMessage[] = [];
      for (let i = messages.length - 1; i >= 0 && (limit === undefined || found.length < limit); i--) {
        const message = messages[i]!;
        if (channel !== undefined && message.channel !== channel) continue;
        if (wanted !== undefined && message.to.toLowerCase() !== wanted) continue;
        found.push(message);
      }
      return found;
    },
  };
}

async function readMessages(file: string): Promise<OutboxMessage[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const messages: OutboxMessage[] = [];
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue;
    try {
      messages.push(JSON.parse(line) as OutboxMessage);
    } catch {
      // A crash mid-append leaves a truncated last line; losing one dev message beats refusing to start.
    }
  }
  return messages;
}

function formatBlock(message: OutboxMessage): string {
  const title = message.channel === 'sms' ? 'SMS' : 'E-mail';
  const lines = [
    `┌── Consigne dev outbox · ${title} → ${message.to} · ${message.sentAt}`,
    ...(message.subject === undefined ? [] : [`│ Subject: ${message.subject}`, '│']),
    ...message.text.split('\n').map((line) => `│ ${line}`),
    '└──',
  ];
  return lines.join('\n');
}
