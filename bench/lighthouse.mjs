#!/usr/bin/env node
/**
 * Lighthouse (mobile: Moto G Power emulation, simulated slow 4G) on the beneficiary app; prints
 * the performance and accessibility scores (goal ≥ 95 each) and the main metrics.
 *
 *   npm run build && CHROME_PATH=/usr/bin/chromium node bench/lighthouse.mjs
 *       starts the built server on a fresh DATA_DIR, makes a structure, a referent and a
 *       beneficiary through the real paths (CLI + API, codes from the dev outbox), adds two
 *       papers, and audits the login screen and the signed-in list of papers.
 *   node bench/lighthouse.mjs --url http://localhost:3000
 *       audits the login screen of a server that is already running.
 *   --min 95    exits 1 when a score is below it.
 *
 * Needs the `lighthouse` devDependency, pinned to 12.8.2: the newest release that runs on Node 20
 * (13.x needs Node ≥ 22.19). Chromium is Debian's (`CHROME_PATH`, default /usr/bin/chromium).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
process.env.CHROME_PATH = chromePath;
const chromeFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const { values: args } = parseArgs({
  options: { url: { type: 'string' }, min: { type: 'string' }, 'dry-run': { type: 'boolean' } },
});
/** `--dry-run`: everything but Lighthouse (checks the set-up on a machine without it). */
const dryRun = args['dry-run'] === true;

let lighthouse;
let chromeLauncher;
if (!dryRun)
  try {
    lighthouse = (await import('lighthouse')).default;
    chromeLauncher = await import('chrome-launcher');
  } catch {
    console.error(
      'lighthouse is not installed. Add it as a devDependency: npm install -D lighthouse@12.8.2\n' +
        '(12.8.2 is the newest release that supports Node 20; 13.x needs Node >= 22.19).',
    );
    process.exit(2);
  }
if (!existsSync(chromePath)) {
  console.error(`Chromium not found at ${chromePath}: sudo bash scripts/ensure-chromium.sh, or set CHROME_PATH.`);
  process.exit(2);
}

// ---------- the server ----------

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

async function startServer() {
  if (!existsSync(join(root, 'server/dist/main.js')) || !existsSync(join(root, 'beneficiary-web/dist/index.html'))) {
    throw new Error('Not built: run `npm run build` first.');
  }
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'consigne-lighthouse-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${join(dataDir, 'consigne.db')}`,
    PUBLIC_URL: baseUrl,
    SEED_DEMO: 'false',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, [join(root, 'server/dist/main.js')], { cwd: root, env, stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('the server did not start');
    await sleep(100);
  }
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    await rm(dataDir, { recursive: true, force: true });
  };
  return { baseUrl, env, stop };
}

// ---------- real-path set-up: staff, a beneficiary, two papers, a signed-in browser profile ----------

function session(baseUrl) {
  const cookies = new Map();
  const headers = {};
  async function request(method, path, body, extra = {}) {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        Origin: baseUrl,
        Accept: 'application/json',
        ...(cookies.size ? { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(body && !(body instanceof FormData) ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
        ...extra,
      },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  }
  return { request, headers, cookies };
}

/** The newest message to `to` whose text matches `pattern`. */
async function outboxText(baseUrl, to, channel, pattern = /./) {
  for (let i = 0; i < 50; i += 1) {
    const url = `${baseUrl}/api/dev/outbox?channel=${channel}&to=${encodeURIComponent(to)}`;
    const { messages } = await (await fetch(url)).json();
    const found = messages.find((message) => pattern.test(message.text));
    if (found) return found.text;
    await sleep(100);
  }
  throw new Error(`nothing sent to ${to}`);
}

async function totp(secret) {
  const { Secret, TOTP } = await import('otpauth');
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate();
}

async function acceptInvitation(baseUrl, token) {
  const s = session(baseUrl);
  const { secret } = await s.request('POST', `/invitations/${token}/accept`, {
    password: 'Un mot de passe assez long 42',
  });
  await s.request('POST', `/invitations/${token}/totp`, { code: await totp(secret) });
  return s;
}

const tokenIn = (text) => /\/admin\/invitation\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

async function setUp(server) {
  const { baseUrl, env } = server;
  const cli = spawn(
    process.execPath,
    [join(root, 'server/dist/cli/main.js'), 'create-platform-admin', '--email', 'pa@bench.test'],
    {
      cwd: root,
      env,
    },
  );
  let printed = '';
  cli.stdout.on('data', (chunk) => (printed += chunk));
  await new Promise((resolve) => cli.once('exit', resolve));
  const platformAdmin = await acceptInvitation(baseUrl, tokenIn(printed));
  const structure = await platformAdmin.request('POST', '/structures', { name: 'CCAS de Démo', kind: 'ccas' });
  await platformAdmin.request('POST', `/structures/${structure.id}/invitations`, {
    email: 'admin@bench.test',
    displayName: 'Paul',
  });
  const admin = await acceptInvitation(baseUrl, tokenIn(await outboxText(baseUrl, 'admin@bench.test', 'email')));
  admin.headers['X-Structure-Id'] = structure.id;
  await admin.request('POST', '/staff/invitations', {
    email: 'marie@bench.test',
    displayName: 'Marie',
    role: 'referent',
  });
  const referent = await acceptInvitation(baseUrl, tokenIn(await outboxText(baseUrl, 'marie@bench.test', 'email')));
  referent.headers['X-Structure-Id'] = structure.id;
  await referent.request('POST', '/beneficiaries', {
    firstName: 'Samir',
    lastName: 'Benali',
    birthDate: '1985-04-12',
    phone: '06 12 34 56 78',
  });
}

/** Logs in through the app with playwright-core in a profile that Lighthouse then reuses. */
async function signedInProfile(baseUrl) {
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'consigne-lighthouse-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath,
    args: chromeFlags.filter((flag) => !flag.startsWith('--headless')),
    headless: true,
    viewport: { width: 412, height: 823 },
    locale: 'fr-FR',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(baseUrl);
  await page.getByLabel('Votre numéro de téléphone').fill('06 12 34 56 78');
  await page.getByRole('button', { name: 'Recevoir un code' }).click();
  const code = /\b(\d{6})\b/.exec(await outboxText(baseUrl, '+33612345678', 'sms', /\b\d{6}\b/))[1];
  await page.getByLabel('Le code reçu par SMS').fill(code);
  await page.getByRole('button', { name: 'Valider le code' }).click();
  await page.getByRole('button', { name: /Oui, c’est mon téléphone/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes papiers' }).waitFor();
  // Two papers, so the list has thumbnails to show.
  for (const [name, colour] of [
    ['carte-identite.png', '#e8f0ff'],
    ['attestation-caf.png', '#fff0e8'],
  ]) {
    const sharp = (await import('sharp')).default;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="100%" height="100%" fill="${colour}"/><text x="80" y="420" font-size="100">${name}</text></svg>`;
    const buffer = await sharp(Buffer.from(svg)).png().toBuffer();
    await page.goto(`${baseUrl}/papers/new`);
    await page.locator('input[type="file"]:not([capture])').setInputFiles({ name, mimeType: 'image/png', buffer });
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText('Papier ajouté.', { exact: false }).waitFor();
  }
  await context.close();
  return profile;
}

// ---------- Lighthouse ----------

async function audit(url, { userDataDir } = {}) {
  if (dryRun) return { performance: NaN, accessibility: NaN, metrics: `(dry run: ${url})`, failing: [] };
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags, ...(userDataDir ? { userDataDir } : {}) });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      // Keep the signed-in profile's cookie and local storage.
      disableStorageReset: Boolean(userDataDir),
    });
    const lhr = result.lhr;
    const metric = (id) => lhr.audits[id]?.displayValue ?? '–';
    return {
      performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
      metrics: `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`,
      failing: Object.values(lhr.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 0.9 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'notApplicable',
        )
        .map((a) => a.id),
    };
  } finally {
    await chrome.kill();
  }
}

const min = args.min === undefined ? null : Number(args.min);
let server = null;
let profile = null;
const rows = [];
try {
  let baseUrl = args.url?.replace(/\/+$/, '');
  if (!baseUrl) {
    server = await startServer();
    baseUrl = server.baseUrl;
  }
  rows.push({ page: 'login (/)', ...(await audit(`${baseUrl}/`)) });
  if (server) {
    await setUp(server);
    profile = await signedInProfile(baseUrl);
    rows.push({ page: 'my papers (/, signed in)', ...(await audit(`${baseUrl}/`, { userDataDir: profile })) });
  }
} finally {
  await server?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
}

console.log('Lighthouse, mobile (simulated slow 4G, 4× CPU slowdown) — goal ≥ 95');
for (const row of rows) {
  console.log(
    `  ${row.page.padEnd(28)} performance ${String(row.performance).padStart(3)}   accessibility ${String(row.accessibility).padStart(3)}   ${row.metrics}`,
  );
  if (row.failing.length) console.log(`    audits below 0.9: ${row.failing.join(', ')}`);
}
if (min !== null && rows.some((row) => row.performance < min || row.accessibility < min)) process.exit(1);
