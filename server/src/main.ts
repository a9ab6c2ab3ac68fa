import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { closeDeps, createDeps } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { dialectOf } from '@consigne/database/data-source';
import { seedDemo } from './seed/demo-seed.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

async function main() {
  const config = loadConfig();
  const deps = await createDeps(config);
  if (dialectOf(config.DATABASE_URL) === 'sqlite') {
    await deps.db.runMigrations({ transaction: 'each' });
  } else if (await deps.db.showMigrations()) {
    throw new ConfigError('Invalid DATABASE_URL: the database has pending migrations; run `npm run db:migrate` first');
  }
  const demo = config.SEED_DEMO ? await seedDemo(deps) : undefined;

  const app = createApp(deps, {
    webRoots: {
      beneficiary: resolve(repoRoot, 'beneficiary-web/dist'),
      backoffice: resolve(repoRoot, 'backoffice/dist'),
    },
  });
  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const base = config.PUBLIC_URL.includes(`:${config.PORT}`)
      ? config.PUBLIC_URL.replace(`:${config.PORT}`, `:${port}`)
      : config.PUBLIC_URL;
    const lines = [
      `Consigne est prête : ${base}/`,
      `  Application des bénéficiaires : ${base}/`,
      `  Espace des professionnels     : ${base}/admin/`,
      `  API                           : ${base}/api  (référence : ${base}/api/docs/)`,
    ];
    if (config.devOutbox) lines.push(`  Boîte d'envoi de développement : ${base}/api/dev/outbox`);
    if (demo) lines.push('', ...demo.describe());
    console.log(lines.join('\n'));
  });

  const stop = () => {
    server.close(() => void closeDeps(deps).finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`Consigne could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
