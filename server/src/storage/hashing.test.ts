import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { createHashingStream } from './hashing.js';

const discard = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });

describe('HashingStream', () => {
  it('gives the SHA-256 and byte count of what flowed through, across chunks', async () => {
    const hashing = createHashingStream();
    await pipeline(Readable.from([Buffer.from('a'), Buffer.from('bc')]), hashing, discard());
    expect(hashing.digest()).toEqual({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      size: 3,
    });
  });

  it('passes the bytes on unchanged', async () => {
    const received: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, callback) => (received.push(chunk), callback()) });
    await pipeline(Readable.from([Buffer.from('unchanged')]), createHashingStream(), sink);
    expect(Buffer.concat(received).toString()).toBe('unchanged');
  });

  it('digests an empty stream', async () => {
    const hashing = createHashingStream();
    await pipeline(Readable.from([]), hashing, discard());
    expect(hashing.digest()).toEqual({
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      size: 0,
    });
  });

  it('refuses to give a digest before the stream ended', () => {
    expect(() => createHashingStream().digest()).toThrow('before the stream ended');
  });
});
