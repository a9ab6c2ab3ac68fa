// Baselines without Consigne: POST /upload streams the raw body to a file; GET /file streams a file.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

const [dir, servedFile] = process.argv.slice(2);
let n = 0;
const server = createServer(async (req, res) => {
  try {
    if (req.method === 'POST') {
      await pipeline(req, createWriteStream(join(dir, `upload-${n++}`)));
      res.writeHead(201).end('{}');
    } else {
      const { size } = await stat(servedFile);
      res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': size });
      await pipeline(createReadStream(servedFile), res);
    }
  } catch {
    res.destroy();
  }
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
