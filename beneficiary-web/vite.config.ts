import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Stamps `dist/sw.js` with a hash of the built index.html and the list of built assets: a new
 * release changes the service worker's bytes, so browsers install it and drop the previous cache.
 */
function stampServiceWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'consigne:stamp-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const html = await readFile(join(outDir, 'index.html'));
      const version = createHash('sha256').update(html).digest('hex').slice(0, 12);
      const swPath = join(outDir, 'sw.js');
      const sw = await readFile(swPath, 'utf8');
      // Every screen's chunk, so the whole app opens offline once installed.
      const assets = (await readdir(join(outDir, 'assets')))
        .filter((name) => /\.(js|css)$/.test(name))
        .map((name) => `/assets/${name}`);
      const stamped = sw
        .replace("const SHELL_VERSION = 'dev';", `const SHELL_VERSION = '${version}';`)
        .replace('const PRECACHE = [];', `const PRECACHE = ${JSON.stringify(assets)};`);
      if (!stamped.includes(version) || !stamped.includes('/assets/')) {
        throw new Error('sw.js: SHELL_VERSION or PRECACHE placeholder not found');
      }
      await writeFile(swPath, stamped);
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), stampServiceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    // `npm run dev -w beneficiary-web` against a running API (`npm start`, PORT=3000 by default).
    proxy: { '/api': process.env.CONSIGNE_API_URL ?? 'http://localhost:3000' },
  },
});
