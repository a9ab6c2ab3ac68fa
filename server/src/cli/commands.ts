import type { ParseArgsConfig } from 'node:util';
import { verifyAuditChain } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { documentCommands } from '../documents/maintenance-commands.js';
import { printDemoTotp } from '../seed/demo-totp-command.js';
import { createPlatformAdmin } from '../staff/platform-admin-command.js';

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
  {
    name: 'create-platform-admin',
    summary: 'Invite a platform admin (--email, optional --name, --locale); prints a one-time link.',
    options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' } },
    run: createPlatformAdmin,
  },
  {
    name: 'audit:verify',
    summary: 'Check the hash chain of the audit log; exits 1 at the first broken link.',
    run: async ({ db }) => {
      const verdict = await verifyAuditChain(db);
      if (verdict.ok) {
        console.log(`OK: ${verdict.events} audit events, chain intact.`);
        return 0;
      }
      console.log(
        `BROKEN at seq ${verdict.brokenAtSeq} (${verdict.reason}); ${verdict.events} events verified before it.`,
      );
      return 1;
    },
  },
  ...documentCommands,
  {
    name: 'demo:totp',
    summary: 'Development only: print the current TOTP codes of the demo staff accounts.',
    run: printDemoTotp,
  },
];
