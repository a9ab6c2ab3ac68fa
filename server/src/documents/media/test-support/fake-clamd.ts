import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { eicar } from './hostile-files.js';

export interface FakeClamd {
  url: string;
  host: string;
  port: number;
  /** Bytes of every stream received, in order, to check what was really sent. */
  received: Buffer[];
  close(): Promise<void>;
}

export interface FakeClamdOptions {
  /** Accepts connections but never answers, to exercise the client's timeout. */
  silent?: boolean;
}

/**
 * A loopback clamd that really speaks INSTREAM: `zINSTREAM\0`, 4-byte big-endian length-prefixed
 * chunks, a zero-length chunk, then `stream: OK\0` or `stream: Eicar-Signature FOUND\0`.
 */
export async function startFakeClamd(options: FakeClamdOptions = {}): Promise<FakeClamd> {
  const received: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    if (options.silent) return;
    let pending = Buffer.alloc(0);
    let commandRead = false;
    const chunks: Buffer[] = [];
    socket.on('data', (data: Buffer) => {
      pending = Buffer.concat([pending, data]);
      if (!commandRead) {
        const end = pending.indexOf(0);
        if (end === -1) return;
        const command = pending.subarray(0, end).toString('latin1');
        pending = pending.subarray(end + 1);
        if (command !== 'zINSTREAM') {
          socket.end('UNKNOWN COMMAND\0');
          return;
        }
        commandRead = true;
      }
      while (pending.length >= 4) {
        const length = pending.readUInt32BE(0);
        if (length === 0) {
          const stream = Buffer.concat(chunks);
          received.push(stream);
          socket.end(stream.includes(eicar()) ? 'stream: Eicar-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (pending.length < 4 + length) return;
        chunks.push(pending.subarray(4, 4 + length));
        pending = pending.subarray(4 + length);
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `tcp://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    received,
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A loopback port with nothing listening: what a stopped clamd looks like. */
export async function unusedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}
