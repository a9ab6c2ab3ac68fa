import { parseArgs } from 'node:util';
import { closeDeps, createDeps } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config.js';
import type { Deps } from '../deps.js';
import { commands } from './commands.js';

/** Operator commands: `npm run cli -- <command> [options]`. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command || name === '--help' || name === 'help') {
    console.log(
      [
        'Usage: npm run cli -- <command> [options]',
        '',
        'Commands:',
        ...commands.map((c) => `  ${c.name.padEnd(26)} ${c.summary}`),
      ].join('\n'),
    );
    return command || !name || name === '--help' || name === 'help' ? 0 : 2;
  }
  const { values } = parseArgs({ args: rest, options: command.options ?? {}, strict: true, allowPositionals: false });
  const deps: Deps = await createDeps(loadConfig());
  try {
    return await command.run(deps, values as Record<string, string | boolean | undefined>);
  } finally {
    await closeDeps(deps);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
