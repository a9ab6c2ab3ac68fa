// Fails the build when the JavaScript a phone downloads to show the first screen is too heavy.
// Counts what dist/index.html loads (entry script + modulepreloads) and their static imports,
// gzip-compressed as a server would send them; lazily loaded chunks (translations…) are excluded.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const budgetBytes = 120 * 1000; // 120 kB gzipped
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`check-bundle-size: ${indexPath} not found — run vite build first.`);
  process.exit(1);
}
const html = readFileSync(indexPath, 'utf8');

/** Absolute URL paths of the JS referenced by index.html. */
const entries = [
  ...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
  ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
].map((match) => match[1] ?? '');

/** Static imports in minified ESM: `import{a}from"./x.js"`, `import"./x.js"`; never `import("./x.js")`. */
const staticImport = /(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g;

/** @type {Map<string, { raw: number, gzip: number }>} */
const seen = new Map();
const queue = [...entries];
while (queue.length > 0) {
  const urlPath = queue.shift() ?? '';
  if (!urlPath || seen.has(urlPath) || /^https?:/.test(urlPath)) continue;
  const code = readFileSync(join(dist, urlPath));
  seen.set(urlPath, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
  for (const match of code.toString('utf8').matchAll(staticImport)) {
    queue.push(posix.join(posix.dirname(urlPath), match[1] ?? ''));
  }
}

const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(1)} kB`;
let total = 0;
for (const [file, size] of seen) {
  total += size.gzip;
  console.log(`  ${file}  ${kB(size.raw)} raw, ${kB(size.gzip)} gzip`);
}
const verdict = total > budgetBytes ? 'OVER BUDGET' : 'ok';
console.log(`first-load JS: ${kB(total)} gzip (budget ${kB(budgetBytes)}) — ${verdict}`);
if (total > budgetBytes) process.exit(1);
