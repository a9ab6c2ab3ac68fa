import type { ParseArgsConfig } from 'node:util';
import type { Deps } from '../deps.js';

export interface Command {
  name: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  /** Returns the process exit code. */
  run(deps: Deps, options: Record<string, string | boolean | undefined>): Promise<number>;
}

export const commands: Command[] = [
  {
    name: 'db:migrate',
    summary: 'Apply the pending database migrations.',
    run: async ({ db }) => {
      const applied = await db.runMigrations({ transaction: 'each' });
      console.log(applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') : 'The database is up to date.');
      return 0;
    },
  },
  {
    name: 'db:revert',
    summary: 'Revert the last applied migration.',
    run: async ({ db }) => {
      await db.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
      return 0;
    },
  },
];
