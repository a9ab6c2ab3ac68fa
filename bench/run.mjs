// npm run bench — Consigne's document vault measured against plain Node baselines, in one run.
// Prints ratios (absolute times depend on the machine; ratios measured together do not).
//   1. encrypted upload of a 10 MB PDF through the API   vs  raw Node HTTP → disk
//   2. verified, decrypted download of it                 vs  a plain static file server
//   3. peak RSS of the API process with 50 concurrent 20 MB uploads (vs the raw baseline)
//   4. a document list page with 1M documents in the database vs 10k
import { execSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'consigne-bench-'));
const children = [];
const results = [];
const log = (...args) => console.log(...args);

process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// helpers

/** A valid one-page PDF of about `bytes` bytes whose content stream is hex text, written streaming. */
async function writePdf(path, bytes) {
  const out = createWriteStream(path);
  const parts = [];
  let offset = 0;
  const offsets = [];
  const write = async (chunk) => {
    offset += Buffer.byteLength(chunk, 'latin1');
    if (!out.write(chunk, 'latin1')) await once(out, 'drain');
  };
  await write('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n');
  const hexLength = bytes - (bytes % 2);
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  for (const [i, body] of bodies.entries()) {
    offsets.push(offset);
    await write(`${i + 1} 0 obj\n${body}\nendobj\n`);
  }
  offsets.push(offset);
  await write(`4 0 obj\n<< /Length ${hexLength} >>\nstream\n`);
  for (let done = 0; done < hexLength;) {
    const n = Math.min(MB, hexLength - done);
    await write(randomBytes(n / 2).toString('hex'));
    done += n;
  }
  await write('\nendstream\nendobj\n');
  const xref = offset;
  await write(
    [
      'xref',
      '0 5',
      '0000000000 65535 f ',
      ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
      'trailer',
      '<< /Size 5 /Root 1 0 R >>',
      'startxref',
      String(xref),
      '%%EOF',
      '',
    ].join('\n'),
  );
  out.end();
  await once(out, 'finish');
  void parts;
}

function startChild(script, args = [], env = {}) {
  const child = spawn(process.execPath, [join(root, 'bench', script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolvePromise, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const line = buffered.indexOf('\n');
      if (line >= 0) resolvePromise({ child, info: JSON.parse(buffered.slice(0, line)) });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function stop(child) {
  child.kill('SIGTERM');
  return once(child, 'exit');
}

/** Resident memory of a process, from /proc (Linux), in MB. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Streams a multipart upload of `file` (field `files`) from disk. */
function uploadFile(port, path, file, headers = {}) {
  const boundary = `----bench${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + statSync(file).size + tail.length;
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: false,
        headers: { ...headers, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': length },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolvePromise({ status: res.statusCode, ms: performance.now() - started, body });
        });
      },
    );
    req.on('error', reject);
    req.write(head);
    const source = createReadStream(file, { highWaterMark: 256 * 1024 });
    source.pipe(req, { end: false });
    source.on('end', () => req.end(tail));
  });
}

function get(port, path, headers = {}) {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let bytes = 0;
      const chunks = [];
      const keep = !String(res.headers['content-type'] ?? '').startsWith('application/pdf');
      res.on('data', (c) => {
        bytes += c.length;
        if (keep) chunks.push(c);
      });
      res.on('end', () =>
        resolvePromise({
          status: res.statusCode,
          bytes,
          ms: performance.now() - started,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const fmt = (n, digits = 1) => n.toFixed(digits);
function record(name, consigne, baseline, unit, note = '') {
  const ratio = consigne / baseline;
  results.push({ name, consigne, baseline, unit, ratio, note });
  log(`  ${name}: Consigne ${fmt(consigne)} ${unit} vs baseline ${fmt(baseline)} ${unit} → ×${fmt(ratio, 2)} ${note}`);
}

function expectStatus(res, status, what) {
  if (res.status !== status) throw new Error(`${what}: HTTP ${res.status} ${res.body ?? ''}`);
}

// ---------------------------------------------------------------------------------------------
log('Building the server (tsc)…');
try {
  execSync('npm run build:server --silent', { cwd: root, stdio: 'inherit' });
} catch {
  // tsc still emits on type errors (e.g. another part of the tree being edited); go on if it did.
  log('  (type errors above; using the JavaScript tsc emitted anyway)');
}

const pdf10 = join(work, 'ten.pdf');
const pdf20 = join(work, 'twenty.pdf');
await writePdf(pdf10, 10 * MB);
await writePdf(pdf20, 20 * MB - 4096);

const apiDir = join(work, 'api');
const baseDir = join(work, 'baseline');
mkdirSync(baseDir, { recursive: true });
const { child: api, info } = await startChild('api-server.mjs', [], {
  DATA_DIR: apiDir,
  UPLOAD_MAX_BYTES: String(25 * MB),
  BENCH_BENEFICIARIES: '60',
});
const { child: baseline, info: baseInfo } = await startChild('baseline-server.mjs', [baseDir, pdf10]);
const owner = info.beneficiaries[0];
const ownerHeaders = { Cookie: owner.cookie, Origin: info.origin };

// 1. uploads -----------------------------------------------------------------------------------
log('\n1. Upload of a 10 MB PDF (8 sequential, median; after 2 warm-ups)');
let lastDocument;
for (let i = 0; i < 2; i++) {
  const res = await uploadFile(info.port, '/api/documents', pdf10, ownerHeaders);
  expectStatus(res, 201, 'warm-up upload');
  await uploadFile(baseInfo.port, '/upload', pdf10);
}
const apiUploads = [];
const rawUploads = [];
for (let i = 0; i < 8; i++) {
  const res = await uploadFile(info.port, '/api/documents', pdf10, ownerHeaders);
  expectStatus(res, 201, 'upload');
  lastDocument = JSON.parse(res.body);
  apiUploads.push(res.ms);
  rawUploads.push((await uploadFile(baseInfo.port, '/upload', pdf10)).ms);
}
record(
  'upload 10 MB',
  median(apiUploads),
  median(rawUploads),
  'ms',
  '(sniff + PDF checks + thumbnail + AES-256-GCM + SHA-256 + DB row + audit)',
);

// 2. downloads ---------------------------------------------------------------------------------
log('\n2. Download of the same 10 MB PDF (10 sequential, median)');
const apiDownloads = [];
const rawDownloads = [];
for (let i = 0; i < 12; i++) {
  const res = await get(info.port, `/api/documents/${lastDocument.id}/content`, ownerHeaders);
  expectStatus(res, 200, 'download');
  if (res.bytes !== lastDocument.sizeBytes) throw new Error('download size mismatch');
  const raw = await get(baseInfo.port, '/file');
  if (i >= 2) {
    apiDownloads.push(res.ms);
    rawDownloads.push(raw.ms);
  }
}
record(
  'download 10 MB',
  median(apiDownloads),
  median(rawDownloads),
  'ms',
  '(decrypt + verify every segment + SHA-256)',
);

// 3. memory --------------------------------------------------------------------------------------
log('\n3. 50 concurrent uploads of a 20 MB PDF (1 GB in flight)');
async function concurrentUploads(pid, send) {
  const idle = memory(pid).rss;
  let peak = idle;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, memory(pid).rss);
    } catch {
      // the process may just have exited
    }
  }, 10);
  const started = performance.now();
  const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => send(i)));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { idle, peak, seconds, statuses };
}
const apiMemory = await concurrentUploads(api.pid, async (i) => {
  const who = info.beneficiaries[10 + i];
  const res = await uploadFile(info.port, '/api/documents', pdf20, { Cookie: who.cookie, Origin: info.origin });
  return res.status;
});
if (apiMemory.statuses.some((s) => s !== 201)) throw new Error(`concurrent uploads: ${apiMemory.statuses.join(',')}`);
const rawMemory = await concurrentUploads(
  baseline.pid,
  async () => (await uploadFile(baseInfo.port, '/upload', pdf20)).status,
);
log(
  `  API process: idle ${fmt(apiMemory.idle)} MB, peak ${fmt(apiMemory.peak)} MB (+${fmt(apiMemory.peak - apiMemory.idle)} MB) ` +
    `for 1000 MB uploaded in ${fmt(apiMemory.seconds)} s; raw baseline: idle ${fmt(rawMemory.idle)} MB, peak ${fmt(rawMemory.peak)} MB ` +
    `(+${fmt(rawMemory.peak - rawMemory.idle)} MB) in ${fmt(rawMemory.seconds)} s`,
);
record(
  'peak RSS, 50 × 20 MB uploads',
  apiMemory.peak,
  rawMemory.peak,
  'MB',
  `(growth ${fmt(apiMemory.peak - apiMemory.idle)} MB for 1000 MB in flight)`,
);
record('time, 50 × 20 MB uploads', apiMemory.seconds, rawMemory.seconds, 's');
await stop(api);
await stop(baseline);

// 4. list pages ----------------------------------------------------------------------------------
log('\n4. Document list page (25 of a 100-document vault) with 10k then 1M documents in the database');
const listDir = join(work, 'list');
const { child: listApi, info: listInfo } = await startChild('api-server.mjs', [], {
  DATA_DIR: listDir,
  BENCH_BENEFICIARIES: '1',
});
const Database = createRequire(join(root, 'database', 'package.json'))('better-sqlite3');
const sqlite = new Database(join(listDir, 'consigne.db'));
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('busy_timeout = 5000');
const target = listInfo.beneficiaries[0];
const columns = [
  'id',
  'beneficiaryId',
  'typeId',
  'title',
  'typeFields',
  'issueDate',
  'expiryDate',
  'visibility',
  'mime',
  'pages',
  'width',
  'height',
  'sizeBytes',
  'storedBytes',
  'sha256',
  'thumbnailBytes',
  'thumbnailStoredBytes',
  'thumbnailSha256',
  'keyId',
  'wrappedKey',
  'uploadedByKind',
  'uploadedByStaffId',
  'uploadedByStructureId',
  'deletedAt',
  'createdAt',
  'updatedAt',
];
const typeIds = sqlite
  .prepare('SELECT id FROM document_types')
  .all()
  .map((r) => r.id);
const ROWS_PER_INSERT = 500;
const insertMany = sqlite.prepare(
  `INSERT INTO documents (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${Array.from(
    { length: ROWS_PER_INSERT },
    () => `(${columns.map(() => '?').join(',')})`,
  ).join(',')}`,
);
const insertBeneficiary = sqlite.prepare(
  `INSERT INTO beneficiaries (id, firstName, lastName, birthDate, phone, email, locale, lockedAt, lockReason, createdByStructureId, createdAt, updatedAt)
   VALUES (?, 'X', 'Y', '1980-01-01', ?, NULL, 'fr', NULL, NULL, NULL, ?, ?)`,
);
const hash = 'a'.repeat(64);
let phones = 0;
const wrapped = randomBytes(60).toString('base64');
let clock = Date.parse('2025-01-01T00:00:00.000Z');
const stamp = () => new Date((clock += 1000)).toISOString().replace('T', ' ').replace('Z', '');
function rowValues(beneficiaryId, i) {
  const at = stamp();
  return [
    randomUUID(),
    beneficiaryId,
    typeIds[i % typeIds.length],
    `Document ${i}`,
    null,
    '2024-01-01',
    null,
    i % 2 ? 'shared' : 'private',
    'application/pdf',
    1,
    null,
    null,
    200000,
    200500,
    hash,
    4000,
    4100,
    hash,
    'dev1',
    wrapped,
    'beneficiary',
    null,
    null,
    null,
    at,
    at,
  ];
}
const insertOne = sqlite.prepare(
  `INSERT INTO documents (${columns.map((c) => `"${c}"`).join(',')}) VALUES (${columns.map(() => '?').join(',')})`,
);
/** Adds `vaults` vaults of 100 documents each, in multi-row INSERTs inside one transaction. */
const addVaults = sqlite.transaction((vaults) => {
  let batch = [];
  for (let v = 0; v < vaults; v++) {
    const beneficiaryId = randomUUID();
    insertBeneficiary.run(beneficiaryId, `+337${String(++phones).padStart(8, '0')}`, stamp(), stamp());
    for (let i = 0; i < 100; i++) {
      batch.push(...rowValues(beneficiaryId, i));
      if (batch.length === columns.length * ROWS_PER_INSERT) {
        insertMany.run(batch);
        batch = [];
      }
    }
  }
  for (let at = 0; at < batch.length; at += columns.length) insertOne.run(batch.slice(at, at + columns.length));
});
const addTarget = sqlite.transaction(() => {
  for (let i = 0; i < 100; i++) insertOne.run(rowValues(target.id, i));
});

async function measureLists(label) {
  const count = sqlite.prepare('SELECT COUNT(*) AS n FROM documents').get().n;
  const referentHeaders = { Cookie: listInfo.referent.cookie, 'X-Structure-Id': listInfo.referent.structureId };
  const ownerH = { Cookie: target.cookie };
  const paths = {
    owner: ['/api/documents?perPage=25', ownerH],
    ownerPage3: ['/api/documents?perPage=25&page=3&sort=title', ownerH],
    referent: [`/api/beneficiaries/${target.id}/documents?perPage=25`, referentHeaders],
  };
  const out = { count };
  for (const [name, [path, headers]] of Object.entries(paths)) {
    for (let i = 0; i < 10; i++) await get(listInfo.port, path, headers);
    const times = [];
    for (let i = 0; i < 60; i++) {
      const res = await get(listInfo.port, path, headers);
      expectStatus(res, 200, `list ${name}`);
      times.push(res.ms);
    }
    out[name] = median(times);
  }
  log(
    `  ${label}: ${count} documents — owner page ${fmt(out.owner, 2)} ms, owner page 3 by title ${fmt(out.ownerPage3, 2)} ms, referent page ${fmt(out.referent, 2)} ms`,
  );
  return out;
}

addTarget();
let started = performance.now();
addVaults(99);
log(`  inserted 10k rows in ${fmt((performance.now() - started) / 1000)} s`);
const small = await measureLists('10k');
started = performance.now();
for (let step = 0; step < 9900; step += 1100) addVaults(1100);
log(`  inserted 990k more rows in ${fmt((performance.now() - started) / 1000)} s`);
const large = await measureLists('1M');
record('list page, owner (1M vs 10k)', large.owner, small.owner, 'ms');
record('list page 3 by title, owner (1M vs 10k)', large.ownerPage3, small.ownerPage3, 'ms');
record('list page, referent (1M vs 10k)', large.referent, small.referent, 'ms');
sqlite.close();
await stop(listApi);

log('\nSummary (ratio = Consigne / baseline, or 1M / 10k for lists):');
for (const r of results)
  log(`  ${r.name.padEnd(42)} ×${fmt(r.ratio, 2)}   (${fmt(r.consigne)} vs ${fmt(r.baseline)} ${r.unit})`);
process.exit(0);
