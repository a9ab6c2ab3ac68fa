import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock, MINUTE } from '../shared/clock.js';
import { openDevOutbox } from './dev-outbox.js';

describe('dev outbox', () => {
  let dir: string;
  let clock: ManualClock;
  const quiet = () => undefined;

  beforeEach(async () => {
    clock = new ManualClock('2026-01-15T09:00:00.000Z');
    dir = await mkdtemp(join(tmpdir(), 'consigne-outbox-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a message with a random id and the time of the injected clock', async () => {
    const outbox = await openDevOutbox({ dir: join(dir, 'data', 'outbox'), clock, print: quiet });

    const message = await outbox.record({
      channel: 'sms',
      to: '+33612345678',
      text: 'Consigne : votre code est 123456.',
    });

    expect(message).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      channel: 'sms',
      to: '+33612345678',
      text: 'Consigne : votre code est 123456.',
      sentAt: '2026-01-15T09:00:00.000Z',
    });
    expect(outbox.list()).toEqual([message]);
  });

  it('lists newest first, filtered by recipient and channel, up to the limit', async () => {
    const outbox = await openDevOutbox({ dir, clock, print: quiet });
    const first = await outbox.record({ channel: 'sms', to: '+33612345678', text: 'one' });
    clock.advance(MINUTE);
    const mail = await outbox.record({
      channel: 'email',
      to: 'Anne@Example.org',
      subject: 'Hi',
      text: 'two',
      html: '<p>two</p>',
    });
    clock.advance(MINUTE);
    const third = await outbox.record({ channel: 'sms', to: '+33612345678', text: 'three' });

    expect(outbox.list().map((m) => m.text)).toEqual(['three', 'two', 'one']);
    expect(outbox.list({ to: '+33612345678' })).toEqual([third, first]);
    expect(outbox.list({ to: 'anne@example.org' })).toEqual([mail]);
    expect(outbox.list({ channel: 'email' })).toEqual([mail]);
    expect(outbox.list({ limit: 2 }).map((m) => m.text)).toEqual(['three', 'two']);
    expect(outbox.list({ to: '+33700000000' })).toEqual([]);
  });

  it('keeps concurrent sends in the order they were made', async () => {
    const outbox = await openDevOutbox({ dir, clock, print: quiet });

    await Promise.all(
      Array.from({ length: 20 }, (_, i) => outbox.record({ channel: 'sms', to: '+33612345678', text: `#${i}` })),
    );

    const expected = Array.from({ length: 20 }, (_, i) => `#${19 - i}`);
    expect(outbox.list().map((m) => m.text)).toEqual(expected);
    const reopened = await openDevOutbox({ dir, clock, print: quiet });
    expect(reopened.list().map((m) => m.text)).toEqual(expected);
  });

  it('survives a restart by reading the JSON-lines file of the same directory', async () => {
    const before = await openDevOutbox({ dir, clock, print: quiet });
    await before.record({ channel: 'sms', to: '+33612345678', text: 'old' });
    await before.record({
      channel: 'email',
      to: 'anne@example.org',
      subject: 'Invitation',
      text: 'mail',
      html: '<p>mail</p>',
    });

    const after = await openDevOutbox({ dir, clock, print: quiet });
    await after.record({ channel: 'sms', to: '+33612345678', text: 'new' });

    expect(after.list().map((m) => m.text)).toEqual(['new', 'mail', 'old']);
    const lines = (await readFile(join(dir, 'outbox.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { text: string }).text)).toEqual(['old', 'mail', 'new']);
  });

  it('still opens when a crash left a truncated last line', async () => {
    const before = await openDevOutbox({ dir, clock, print: quiet });
    await before.record({ channel: 'sms', to: '+33612345678', text: 'kept' });
    await appendFile(join(dir, 'outbox.jsonl'), '{"id":"trunc');

    const after = await openDevOutbox({ dir, clock, print: quiet });

    expect(after.list().map((m) => m.text)).toEqual(['kept']);
  });

  it('prints a readable block with the recipient, subject and body, code included', async () => {
    const print = vi.fn<(block: string) => void>();
    const outbox = await openDevOutbox({ dir, clock, print });

    await outbox.record({
      channel: 'email',
      to: 'anne@example.org',
      subject: 'Invitation',
      text: 'Line 1\nLine 2',
      html: '<p>x</p>',
    });
    await outbox.record({ channel: 'sms', to: '+33612345678', text: 'Consigne : votre code est 123456.' });

    expect(print).toHaveBeenCalledTimes(2);
    expect(print.mock.calls[0]?.[0]).toBe(
      [
        '┌── Consigne dev outbox · E-mail → anne@example.org · 2026-01-15T09:00:00.000Z',
        '│ Subject: Invitation',
        '│',
        '│ Line 1',
        '│ Line 2',
        '└──',
      ].join('\n'),
    );
    expect(print.mock.calls[1]?.[0]).toContain('SMS → +33612345678');
    expect(print.mock.calls[1]?.[0]).toContain('│ Consigne : votre code est 123456.');
  });
});
