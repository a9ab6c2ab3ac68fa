import type { Command } from '../cli/commands.js';
import { purgeDocuments, rotateKeys, scrubStorage } from './maintenance.js';

/** `keys:rotate`, `storage:scrub`, `documents:purge` (see docs/DOCUMENTS.md). */
export const documentCommands: Command[] = [
  {
    name: 'keys:rotate',
    summary: 'Re-wrap every document data key with the first key of MASTER_KEYS (ENC-4).',
    run: async (deps) => {
      const report = await rotateKeys(deps);
      console.log(
        `Rotation to "${report.currentKid}": ${report.rewrapped} data keys re-wrapped, ${report.alreadyCurrent} already current.`,
      );
      console.log('Older master keys can be removed from MASTER_KEYS once every instance runs with the new list.');
      return 0;
    },
  },
  {
    name: 'storage:scrub',
    summary: 'Verify every stored document (missing, orphan, truncated, altered); exits 1 on any finding.',
    options: { 'delete-orphans': { type: 'boolean' }, quick: { type: 'boolean' } },
    run: async (deps, options) => {
      const report = await scrubStorage(deps, {
        deleteOrphans: options['delete-orphans'] === true,
        quick: options.quick === true,
      });
      for (const finding of report.findings) console.log(`${finding.problem.toUpperCase().padEnd(9)} ${finding.key}`);
      const counts = (['missing', 'truncated', 'altered', 'orphan'] as const)
        .map((p) => `${report.findings.filter((f) => f.problem === p).length} ${p}`)
        .join(', ');
      console.log(
        `${report.ok ? 'OK' : 'PROBLEMS'}: ${report.documents} documents, ${report.objects} objects; ${counts}` +
          (report.deleted ? `; ${report.deleted} orphans deleted` : ''),
      );
      return report.ok ? 0 : 1;
    },
  },
  {
    name: 'documents:purge',
    summary: 'Destroy documents 30 days in the trash (key and files) and clean interrupted uploads.',
    run: async (deps) => {
      const r = await purgeDocuments(deps);
      console.log(
        `Purged ${r.purgedDocuments} documents; cleaned ${r.abandonedUploads} interrupted uploads and ` +
          `${r.tempDirectories} temp directories; forgot ${r.prunedUploadRecords} old upload records.`,
      );
      return 0;
    },
  },
];
