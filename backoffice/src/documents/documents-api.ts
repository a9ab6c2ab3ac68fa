/**
 * Where the vault's staff endpoints live and what they answer (types from the OpenAPI document).
 * Binary answers (thumbnail, content) are fetched, not linked: every staff request carries
 * `X-Structure-Id`, which an <img src> or <iframe src> cannot send.
 */
import type { Json, Query } from '../providers/api-types';

export type DocumentTypeList = Json<'listDocumentTypes'>;
export type DocumentType = DocumentTypeList['data'][number];
export type DocumentTheme = DocumentTypeList['themes'][number];

/** A shared paper as the staff list shows it (the API never lists private papers to staff). */
export type SharedDocument = Json<'listBeneficiaryDocuments'>['data'][number];
export type DocumentList = Json<'listBeneficiaryDocuments'>;
export type DepositedDocument = Json<'depositDocument'>;

export type DocumentFilter = Pick<Query<'listBeneficiaryDocuments'>, 'page' | 'perPage' | 'typeId' | 'theme'> & {
  page: number;
  perPage: number;
};

const enc = encodeURIComponent;

export const documentsApi = {
  typesPath: '/document-types',
  listPath(beneficiaryId: string, filter: DocumentFilter): string {
    const query = new URLSearchParams({ page: String(filter.page), perPage: String(filter.perPage) });
    if (filter.typeId) query.set('typeId', filter.typeId);
    if (filter.theme) query.set('theme', filter.theme);
    return `/beneficiaries/${enc(beneficiaryId)}/documents?${query.toString()}`;
  },
  thumbnailPath: (documentId: string) => `/documents/${enc(documentId)}/thumbnail`,
  contentPath: (documentId: string, inline: boolean) =>
    `/documents/${enc(documentId)}/content${inline ? '?inline=1' : ''}`,
  depositPath: (beneficiaryId: string) => `/beneficiaries/${enc(beneficiaryId)}/documents`,
  /** The multipart field of the file(s). */
  fileField: 'files',
};
