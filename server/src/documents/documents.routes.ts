import type { Request } from 'express';
import { z } from 'zod';
import { runInBackground } from '../auth/background.js';
import { sendBudgetedSms } from '../auth/sms-budget.js';
import { asLocale } from '../auth/sms-login.service.js';
import { BeneficiaryEntity } from '../beneficiaries/beneficiary.entity.js';
import { badRequest, notFound, unprocessable } from '../http/errors.js';
import { defineRoute, type HandlerContext } from '../http/route.js';
import { actingStructureId, assertFollows } from '../policies/records.js';
import { accessLog } from './access-log.service.js';
import { actorKeyOf, createDocument, type Uploader } from './document-store.js';
import { sendPart } from './document-download.js';
import { documentDepositedSms } from './document-sms.js';
import {
  accessLogQuery,
  accessLogSchema,
  beneficiaryIdParams,
  contentQuery,
  documentIdParams,
  documentListSchema,
  documentSchema,
  listBeneficiaryDocumentsQuery,
  listMyDocumentsQuery,
  updateDocumentBody,
  uploadFieldsSchema,
  uploadMultipartSchema,
  visibilityBody,
} from './documents.schemas.js';
import {
  auditStaffAccess,
  deleteDocument,
  findVisibleDocument,
  getDocument,
  listBeneficiaryDocuments,
  listMyDocuments,
  presentOne,
  requestIdOf,
  restoreDocument,
  setDocumentVisibility,
  updateDocument,
} from './documents.service.js';
import { assertQuota, assertUploadRate } from './upload-limits.js';
import { receiveUpload } from './upload-intake.js';
import { streamVaultExport } from './vault-export.js';

type Ctx = HandlerContext<unknown, unknown, unknown>;

const myId = (ctx: Pick<Ctx, 'actor'>) => {
  if (ctx.actor.kind !== 'beneficiary') throw notFound();
  return ctx.actor.beneficiaryId;
};

/** Reads and drops what is left of a body, so that an early refusal still reaches the client. */
const discardBody = (req: Request) =>
  new Promise<void>((resolve) => {
    if (req.readableEnded || req.destroyed) return resolve();
    req.once('end', () => resolve());
    req.once('close', () => resolve());
    req.once('error', () => resolve());
    req.resume();
  });

/** The upload pipeline shared by `uploadDocument` and `depositDocument`. */
async function receiveDocument(ctx: Ctx, beneficiaryId: string, uploader: Uploader) {
  const { deps, req, res } = ctx;
  try {
    // Cheap refusals before a single byte of the body is stored.
    await assertUploadRate(deps.db.manager, deps, actorKeyOf(beneficiaryId, uploader));
    await assertQuota(deps.db.manager, deps, beneficiaryId, uploader, 1);
  } catch (error) {
    await discardBody(req);
    throw error;
  }
  const intake = await receiveUpload(req, res, deps.config);
  try {
    if (intake.files.length === 0) {
      throw unprocessable('no_file', 'Aucun fichier reçu. Choisissez une photo ou un PDF, puis envoyez-le.');
    }
    const parsed = uploadFieldsSchema.safeParse(intake.fields);
    if (!parsed.success) {
      throw badRequest('validation_failed', 'Certaines informations envoyées ne sont pas valides.', {
        errors: parsed.error.issues.map((i) => ({
          path: ['body', ...i.path.map(String)].join('.'),
          message: i.message,
        })),
      });
    }
    const { combine, ...metadata } = parsed.data;
    const aborted = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) aborted.abort();
    };
    res.once('close', onClose);
    try {
      const doc = await createDocument(deps, {
        beneficiaryId,
        files: intake.files,
        incomingBytes: intake.files.reduce((sum, f) => sum + f.size, 0),
        combine,
        tmpDir: intake.dir,
        metadata,
        visibility: uploader.kind === 'staff' ? 'shared' : 'private',
        uploader,
        actor: ctx.actor,
        requestId: requestIdOf(ctx),
        signal: aborted.signal,
      });
      return await presentOne(deps.db.manager, doc);
    } finally {
      res.off('close', onClose);
    }
  } finally {
    await intake.cleanup();
  }
}

/** The beneficiary hears of a deposit by SMS, after the answer (a failed SMS never undoes the deposit). */
function tellBeneficiary(ctx: Ctx, beneficiaryId: string) {
  const { deps } = ctx;
  const requestId = requestIdOf(ctx);
  runInBackground(deps.logger, 'document_deposited_sms', async () => {
    const beneficiary = await deps.db.getRepository(BeneficiaryEntity).findOneBy({ id: beneficiaryId });
    if (!beneficiary) return;
    await sendBudgetedSms(
      deps,
      { to: beneficiary.phone, body: documentDepositedSms(asLocale(beneficiary.locale)) },
      { actor: ctx.actor, requestId },
    );
  });
}

const uploadResponses = {
  201: { description: 'Stored, encrypted', schema: documentSchema },
  400: { description: 'Malformed form or fields' },
  413: { description: 'File too large, image over 40 MP, or vault full' },
  415: { description: 'Not a PDF, JPEG, PNG, WebP or HEIC/HEIF by content' },
  422: { description: 'Dangerous, damaged or infected file; unknown type; too many photos' },
  429: { description: 'Too many uploads within the hour' },
  503: { description: 'Antivirus configured but unreachable (fail closed), or storage down' },
};

const binary = (description: string) => ({ description, contentType: 'application/octet-stream' });

export const documentRoutes = [
  defineRoute({
    method: 'post',
    path: '/documents',
    operationId: 'uploadDocument',
    summary: 'Adds a paper to my vault (private): one PDF, one photo, or several photos combined into one PDF.',
    description:
      'multipart/form-data with `files` (1 to 20) and optional `title`, `typeId`, `typeFields` (JSON), `issueDate`, ' +
      '`expiryDate`, `combine=true` for several photos of one paper. The type is read from the content, images ' +
      'are re-encoded without metadata, PDFs with active content are refused, everything is encrypted at rest.',
    tags: ['documents'],
    policy: 'vault.owner',
    multipart: uploadMultipartSchema,
    status: 201,
    responses: uploadResponses,
    handler: async (ctx) => receiveDocument(ctx, myId(ctx), { kind: 'beneficiary' }),
  }),
  defineRoute({
    method: 'get',
    path: '/documents',
    operationId: 'listMyDocuments',
    summary: 'My documents (or my trash with `trash=true`), paged, filtered by theme, type or title.',
    tags: ['documents'],
    policy: 'vault.owner',
    query: listMyDocumentsQuery,
    responses: { 200: { description: 'A page of documents', schema: documentListSchema } },
    handler: async (ctx) => listMyDocuments(ctx, ctx.query),
  }),
  defineRoute({
    method: 'get',
    path: '/documents/:documentId',
    operationId: 'getDocument',
    summary: "A document's details: mine, or shared with my structure by a beneficiary it follows.",
    tags: ['documents'],
    policy: 'document.read',
    params: documentIdParams,
    responses: { 200: { description: 'The document', schema: documentSchema }, 404: { description: 'Not visible' } },
    handler: async (ctx) => getDocument(ctx, ctx.params.documentId),
  }),
  defineRoute({
    method: 'patch',
    path: '/documents/:documentId',
    operationId: 'updateDocument',
    summary: "Edits my document's title, type, type fields or dates.",
    tags: ['documents'],
    policy: 'vault.owner',
    params: documentIdParams,
    body: updateDocumentBody,
    responses: { 200: { description: 'Updated', schema: documentSchema }, 404: { description: 'Not mine' } },
    handler: async (ctx) => updateDocument(ctx, ctx.params.documentId, ctx.body),
  }),
  defineRoute({
    method: 'put',
    path: '/documents/:documentId/visibility',
    operationId: 'setDocumentVisibility',
    summary: 'Shares my document with the structures that follow me, or makes it private again (owner only).',
    tags: ['documents'],
    policy: 'vault.owner',
    params: documentIdParams,
    body: visibilityBody,
    responses: { 200: { description: 'Visibility set', schema: documentSchema }, 404: { description: 'Not mine' } },
    handler: async (ctx) => setDocumentVisibility(ctx, ctx.params.documentId, ctx.body.visibility),
  }),
  defineRoute({
    method: 'delete',
    path: '/documents/:documentId',
    operationId: 'deleteDocument',
    summary: 'Moves my document to the trash; it is destroyed (key and file) after 30 days.',
    tags: ['documents'],
    policy: 'vault.owner',
    params: documentIdParams,
    responses: { 204: { description: 'In the trash' }, 404: { description: 'Not mine' } },
    handler: async (ctx) => deleteDocument(ctx, ctx.params.documentId),
  }),
  defineRoute({
    method: 'post',
    path: '/documents/:documentId/restore',
    operationId: 'restoreDocument',
    summary: 'Takes my document back out of the trash.',
    tags: ['documents'],
    policy: 'vault.owner',
    params: documentIdParams,
    responses: { 200: { description: 'Restored', schema: documentSchema }, 404: { description: 'Not mine' } },
    handler: async (ctx) => restoreDocument(ctx, ctx.params.documentId),
  }),
  defineRoute({
    method: 'get',
    path: '/documents/:documentId/content',
    operationId: 'downloadDocument',
    summary: 'The file, decrypted and verified as it streams; HTTP Range supported; `inline=1` for previews.',
    tags: ['documents'],
    policy: 'document.read',
    params: documentIdParams,
    query: contentQuery,
    responses: {
      200: binary('The whole file'),
      206: binary('The requested range'),
      404: { description: 'Not visible' },
      416: { description: 'Range outside the file' },
      500: { description: '`integrity_error`: the stored file is damaged; nothing of it is sent' },
    },
    handler: async (ctx) => {
      const doc = await findVisibleDocument(ctx.deps.db.manager, ctx.actor, ctx.params.documentId);
      if (!doc) throw notFound();
      const inline =
        (ctx.query.inline === '1' || ctx.query.inline === 'true') && doc.mime !== 'application/octet-stream';
      const rangeHeader = ctx.req.get('range');
      // Every staff request for content is recorded, ranged ones included: a range can be the whole file.
      if (ctx.actor.kind === 'staff') {
        await auditStaffAccess(ctx, doc, inline ? 'document.viewed' : 'document.downloaded', {
          part: 'original',
          range: rangeHeader !== undefined,
        });
      }
      await sendPart({
        deps: ctx.deps,
        actor: ctx.actor,
        requestId: requestIdOf(ctx),
        res: ctx.res,
        doc,
        part: 'original',
        disposition: inline ? 'inline' : 'attachment',
        rangeHeader,
      });
      return undefined;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/documents/:documentId/thumbnail',
    operationId: 'getDocumentThumbnail',
    summary: 'A small WebP preview of the document, decrypted and verified.',
    tags: ['documents'],
    policy: 'document.read',
    params: documentIdParams,
    responses: {
      200: { description: 'WebP image', contentType: 'image/webp' },
      404: { description: 'Not visible' },
      500: { description: '`integrity_error`' },
    },
    handler: async (ctx) => {
      const doc = await findVisibleDocument(ctx.deps.db.manager, ctx.actor, ctx.params.documentId);
      if (!doc) throw notFound();
      if (ctx.actor.kind === 'staff') await auditStaffAccess(ctx, doc, 'document.viewed', { part: 'thumbnail' });
      await sendPart({
        deps: ctx.deps,
        actor: ctx.actor,
        requestId: requestIdOf(ctx),
        res: ctx.res,
        doc,
        part: 'thumbnail',
        disposition: 'inline',
        rangeHeader: ctx.req.get('range'),
      });
      return undefined;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/beneficiaries/:beneficiaryId/documents',
    operationId: 'listBeneficiaryDocuments',
    summary: 'The documents a followed beneficiary shares with the structures that follow them (never private ones).',
    tags: ['documents'],
    policy: 'vault.referent',
    params: beneficiaryIdParams,
    query: listBeneficiaryDocumentsQuery,
    responses: {
      200: { description: 'A page of shared documents', schema: documentListSchema },
      404: { description: 'Not followed by your structure' },
    },
    handler: async (ctx) => listBeneficiaryDocuments(ctx, ctx.params.beneficiaryId, ctx.query),
  }),
  defineRoute({
    method: 'post',
    path: '/beneficiaries/:beneficiaryId/documents',
    operationId: 'depositDocument',
    summary: "Deposits a paper into a followed beneficiary's vault; it starts shared and the beneficiary is told.",
    description: 'Same form and checks as `uploadDocument`. The beneficiary can make it private or delete it.',
    tags: ['documents'],
    policy: 'vault.referent',
    params: beneficiaryIdParams,
    multipart: uploadMultipartSchema,
    status: 201,
    responses: { ...uploadResponses, 404: { description: 'Not followed by your structure' } },
    handler: async (ctx) => {
      const { beneficiaryId } = ctx.params;
      const structureId = actingStructureId(ctx.actor);
      await assertFollows(ctx.deps.db.manager, ctx.actor, beneficiaryId);
      if (ctx.actor.kind !== 'staff') throw notFound();
      const created = await receiveDocument(ctx, beneficiaryId, {
        kind: 'staff',
        staffId: ctx.actor.staffId,
        structureId,
      });
      tellBeneficiary(ctx, beneficiaryId);
      return created;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/me/access-log',
    operationId: 'getMyAccessLog',
    summary: 'My trace: which structure and which referent saw or did what in my vault, and when.',
    tags: ['me'],
    policy: 'vault.owner',
    query: accessLogQuery,
    responses: { 200: { description: 'Newest first', schema: accessLogSchema } },
    handler: async (ctx) => accessLog(ctx.deps, myId(ctx), ctx.query),
  }),
  defineRoute({
    method: 'get',
    path: '/me/export',
    operationId: 'exportMyVault',
    summary: 'Everything in my vault as one ZIP: every original, manifest.json (with SHA-256) and my trace.',
    tags: ['me'],
    policy: 'vault.owner',
    responses: { 200: { description: 'ZIP archive', contentType: 'application/zip', schema: z.string() } },
    handler: async (ctx) => {
      const beneficiaryId = myId(ctx);
      await ctx.deps.db.transaction((em) =>
        ctx.audit(em, { action: 'vault.exported', targetType: 'vault', targetId: beneficiaryId }),
      );
      await streamVaultExport(ctx.deps, ctx.actor, requestIdOf(ctx), beneficiaryId, ctx.res);
      return undefined;
    },
  }),
];
