import { once } from 'node:events';
import type { Response } from 'express';
import { ZipArchive } from 'archiver';
import type { Deps } from '../deps.js';
import type { Actor } from '../policies/actor.js';
import { accessLog } from './access-log.service.js';
import { DocumentEntity, type DocumentRecord } from './document.entity.js';
import { presentDocument } from './document.presenter.js';
import { isIntegrityProblem, openVerified, reportIntegrityFailure } from './document-download.js';
import { presentContext } from './documents.service.js';

/**
 * EXP-1: one request streams a ZIP of the whole vault — every original (private, shared and in
 * the trash), `manifest.json` (id, title, type, fields, dates, SHA-256 per file) and `trace.json`
 * (the LOG-2 trace). Files are added one at a time, each decrypted and verified as it streams, so
 * memory stays flat; a damaged file aborts the archive rather than export wrong bytes.
 */

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg' };

/** ASCII names inside the archive (every unzip tool reads them); the exact title is in the manifest. */
export function archiveName(index: number, doc: Pick<DocumentRecord, 'title' | 'mime'>): string {
  const base =
    doc.title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9 _-]+/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'document';
  return `documents/${String(index + 1).padStart(3, '0')}-${base}.${EXTENSIONS[doc.mime] ?? 'bin'}`;
}

async function fullTrace(deps: Deps, beneficiaryId: string) {
  const entries = [];
  for (let page = 1; ; page++) {
    const { data } = await accessLog(deps, beneficiaryId, { page, perPage: 100 });
    entries.push(...data);
    if (data.length < 100) return entries;
  }
}

export async function streamVaultExport(
  deps: Deps,
  actor: Actor,
  requestId: string | null,
  beneficiaryId: string,
  res: Response,
): Promise<void> {
  const docs = await deps.db
    .getRepository(DocumentEntity)
    .find({ where: { beneficiaryId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const context = await presentContext(deps.db.manager, docs);
  const trace = await fullTrace(deps, beneficiaryId);
  const day = deps.clock.now().toISOString().slice(0, 10);

  res.status(200).set({
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename="consigne-export-${day}.zip"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  // Papers are already compressed (PDF, JPEG): storing them costs no size and saves CPU.
  const archive = new ZipArchive({ store: true });
  const failed = new Promise<never>((_resolve, reject) => archive.once('error', reject));
  failed.catch(() => undefined);
  res.once('close', () => {
    if (!res.writableFinished) archive.abort();
  });
  archive.pipe(res);

  const manifest = [];
  let current: DocumentRecord | undefined;
  try {
    for (const [index, doc] of docs.entries()) {
      if (res.destroyed) return;
      current = doc;
      const file = archiveName(index, doc);
      const source = await openVerified(deps, doc, 'original');
      archive.append(source, { name: file, date: doc.createdAt });
      await Promise.race([once(archive, 'entry'), failed]);
      manifest.push({ file, inTrash: doc.deletedAt !== null, ...presentDocument(doc, context) });
    }
    current = undefined;
    const exportedAt = deps.clock.now().toISOString();
    archive.append(JSON.stringify({ exportedAt, documents: manifest }, null, 2), { name: 'manifest.json' });
    archive.append(JSON.stringify({ exportedAt, events: trace }, null, 2), { name: 'trace.json' });
    await Promise.race([archive.finalize(), failed]);
  } catch (error) {
    archive.abort();
    res.destroy();
    if (current && isIntegrityProblem(error)) {
      await reportIntegrityFailure({
        deps,
        actor,
        requestId,
        doc: current,
        part: 'original',
        reason: error instanceof Error && error.name === 'BlobNotFoundError' ? 'missing' : 'altered',
      });
    }
  }
}
