import { defineRoute } from '../http/route.js';
import {
  createDocumentTypeBody,
  documentTypeListSchema,
  documentTypeSchema,
  listDocumentTypesQuery,
  typeIdParams,
  updateDocumentTypeBody,
} from './document-types.schemas.js';
import { createDocumentType, listDocumentTypes, updateDocumentType } from './document-types.service.js';

/** The referential of French papers: read by staff and beneficiaries, edited by the platform admin. */
export const documentTypeRoutes = [
  defineRoute({
    method: 'get',
    path: '/document-types',
    operationId: 'listDocumentTypes',
    summary: 'The document types, in display order, grouped by theme (optionally one theme).',
    tags: ['documents'],
    policy: 'documentTypes.read',
    query: listDocumentTypesQuery,
    responses: { 200: { description: 'Types and themes', schema: documentTypeListSchema } },
    handler: async (ctx) => listDocumentTypes(ctx, ctx.query),
  }),
  defineRoute({
    method: 'post',
    path: '/document-types',
    operationId: 'createDocumentType',
    summary: 'Adds a document type (platform admin).',
    tags: ['documents'],
    policy: 'documentTypes.manage',
    body: createDocumentTypeBody,
    status: 201,
    responses: {
      201: { description: 'Created', schema: documentTypeSchema },
      409: { description: 'The code is taken' },
    },
    handler: async (ctx) => createDocumentType(ctx, ctx.body),
  }),
  defineRoute({
    method: 'patch',
    path: '/document-types/:typeId',
    operationId: 'updateDocumentType',
    summary: 'Edits a document type: label, theme, fields, default validity, retention (platform admin).',
    tags: ['documents'],
    policy: 'documentTypes.manage',
    params: typeIdParams,
    body: updateDocumentTypeBody,
    responses: { 200: { description: 'Updated', schema: documentTypeSchema }, 404: { description: 'No such type' } },
    handler: async (ctx) => updateDocumentType(ctx, ctx.params.typeId, ctx.body),
  }),
];
