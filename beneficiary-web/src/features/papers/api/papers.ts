/**
 * The vault API as the beneficiary uses it (types generated from the server's OpenAPI document).
 * Paths live here and nowhere else, except the list and thumbnail patterns that public/sw.js
 * repeats for the offline cache.
 */
import type { components, operations } from '@consigne/server/openapi';
import { api, apiBase, type BodyOf, type ResponseOf } from '../../../lib/api';

type DocumentList = ResponseOf<operations['listMyDocuments']>;
export type Paper = DocumentList['data'][number];
export type Visibility = Paper['visibility'];
export type PaperChanges = BodyOf<operations['updateDocument']>;
export type DocumentType = ResponseOf<operations['listDocumentTypes']>['data'][number];
export type DocumentField = DocumentType['fields'][number];

// Keep the import used even if a schema is renamed: the build then fails here, loudly.
export type _Schemas = components['schemas'];

const perPage = 100;

export const paths = {
  list: (page: number) => `/documents?perPage=${perPage}&page=${page}`,
  trash: (page: number) => `/documents?trash=true&perPage=${perPage}&page=${page}`,
  upload: '/documents',
  one: (id: string) => `/documents/${encodeURIComponent(id)}`,
  visibility: (id: string) => `/documents/${encodeURIComponent(id)}/visibility`,
  restore: (id: string) => `/documents/${encodeURIComponent(id)}/restore`,
  content: (id: string) => `/documents/${encodeURIComponent(id)}/content`,
  thumbnail: (id: string) => `/documents/${encodeURIComponent(id)}/thumbnail`,
  types: '/document-types',
  export: '/me/export',
};

/** Full URLs for `<img src>`, `<a href>` and the offline cache. */
export const urls = {
  list: (page: number) => `${apiBase}${paths.list(page)}`,
  download: (id: string) => `${apiBase}${paths.content(id)}`,
  inline: (id: string) => `${apiBase}${paths.content(id)}?inline=1`,
  thumbnail: (id: string) => `${apiBase}${paths.thumbnail(id)}`,
  export: `${apiBase}${paths.export}`,
};

/** Every page of a list (a vault rarely holds more than a hundred papers: usually one request). */
async function allPages(path: (page: number) => string, signal?: AbortSignal): Promise<Paper[]> {
  const papers: Paper[] = [];
  for (let page = 1; ; page += 1) {
    const list = await api.get<DocumentList>(path(page), signal ? { signal } : {});
    papers.push(...list.data);
    if (list.data.length < perPage || papers.length >= list.total) return papers;
  }
}

export const listMyDocuments = (signal?: AbortSignal) => allPages(paths.list, signal);

export const listTrash = (signal?: AbortSignal) => allPages(paths.trash, signal);

export const getDocument = (id: string, signal?: AbortSignal) =>
  api.get<Paper>(paths.one(id), signal ? { signal } : {});

export const updateDocument = (id: string, changes: PaperChanges) => api.patch<Paper>(paths.one(id), changes);

export const setDocumentVisibility = (id: string, visibility: Visibility) =>
  api.put<Paper>(paths.visibility(id), { visibility });

export const deleteDocument = (id: string) => api.delete<void>(paths.one(id));

export const restoreDocument = (id: string) => api.post<Paper>(paths.restore(id));

let typesPromise: Promise<DocumentType[]> | null = null;

/** The referential changes rarely: loaded once per visit. */
export function listDocumentTypes(): Promise<DocumentType[]> {
  typesPromise ??= api.get<ResponseOf<operations['listDocumentTypes']>>(paths.types).then(
    (list) => list.data,
    (error: unknown) => {
      typesPromise = null;
      throw error;
    },
  );
  return typesPromise;
}
