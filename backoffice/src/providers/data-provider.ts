import {
  HttpError,
  type CreateParams,
  type DataProvider,
  type DeleteManyParams,
  type DeleteParams,
  type GetListParams,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetOneParams,
  type GetOneResult,
  type GetListResult,
  type GetManyResult,
  type CreateResult,
  type UpdateResult,
  type DeleteResult,
  type Identifier,
  type RaRecord,
  type UpdateManyParams,
  type UpdateParams,
} from 'react-admin';
import type { Body, Json } from './api-types';
import { apiBlob, apiFetch, apiRequest, apiUpload, fileNameOf, type UploadProgress } from './http';
import {
  documentsApi,
  type DepositedDocument,
  type DocumentFilter,
  type DocumentList,
  type DocumentTypeList,
} from '../documents/documents-api';

/**
 * react-admin's DataProvider on the real API. Each resource says where it lives, which list filters
 * and sort fields its server accepts (its query schemas are strict: anything else is a 400), and
 * which fields may be sent back on update. Lists answer `{ data, total }` to `page`, `perPage`,
 * `sort` (`field` / `-field`) and filters.
 */
interface ResourceConfig {
  path: string;
  filters: readonly string[];
  sorts?: readonly string[];
  /** POST target for create, when not `path` (inviting a staff member). */
  createPath?: string;
  /** Fields the update endpoint accepts; only changed ones are sent. */
  updateFields?: readonly string[];
  /** Turns react-admin filter values into query values (dates → ISO datetimes…). */
  mapFilter?: (filter: Record<string, unknown>) => Record<string, unknown>;
  /** The whole list comes in one answer (no page/perPage/sort): paged here; one record = found in it. */
  unpaged?: boolean;
}

/** `YYYY-MM-DD` (local day) → ISO datetime at the start of that day, or of the next one. */
const dayStart = (value: unknown, plusDays = 0): string | undefined => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
};

const resources: Record<string, ResourceConfig> = {
  beneficiaries: {
    path: '/beneficiaries',
    filters: ['q', 'birthDate', 'status'],
    sorts: ['lastName', 'createdAt', 'birthDate'],
    updateFields: ['firstName', 'lastName', 'birthDate', 'email', 'locale'],
  },
  staff: {
    path: '/staff',
    filters: ['q', 'role', 'status'],
    sorts: ['displayName', 'email', 'role', 'createdAt'],
    createPath: '/staff/invitations',
    updateFields: ['role'],
  },
  structures: {
    path: '/structures',
    filters: ['q', 'kind', 'status'],
    sorts: ['name', 'kind', 'createdAt'],
    updateFields: ['name', 'kind', 'siret', 'address', 'contactEmail', 'contactPhone'],
  },
  'audit-events': {
    path: '/audit-events',
    filters: ['actorId', 'action', 'from', 'to'],
    mapFilter: (filter) => ({ ...filter, from: dayStart(filter.from), to: dayStart(filter.to, 1) }),
  },
  'document-types': {
    path: documentsApi.typesPath,
    filters: ['theme'],
    unpaged: true,
    updateFields: ['label', 'theme', 'fields', 'validityMonths', 'retentionMonths'],
  },
};

function configOf(resource: string): ResourceConfig {
  const config = resources[resource];
  if (!config) throw new Error(`Unknown resource: ${resource}`);
  return config;
}

/** A filter value as a query string value (filters are strings, numbers or booleans). */
const queryValue = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);

const encode = (id: Identifier) => encodeURIComponent(String(id));

function listQuery(config: ResourceConfig, params: Partial<GetListParams>): string {
  const query = new URLSearchParams();
  if (config.unpaged) {
    const filter = (params.filter ?? {}) as Record<string, unknown>;
    for (const name of config.filters) if (filter[name]) query.set(name, queryValue(filter[name]));
    return query.toString();
  }
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  query.set('page', String(page));
  query.set('perPage', String(Math.min(perPage, 100)));
  const sort = params.sort;
  if (config.sorts && sort?.field && config.sorts.includes(sort.field)) {
    query.set('sort', sort.order === 'DESC' ? `-${sort.field}` : sort.field);
  }
  const raw = (params.filter ?? {}) as Record<string, unknown>;
  const filter = config.mapFilter ? config.mapFilter(raw) : raw;
  for (const name of config.filters) {
    const value = filter[name];
    if (value === undefined || value === null || value === '') continue;
    query.set(name, queryValue(value));
  }
  return query.toString();
}

/** Only the accepted fields that changed (PATCH semantics; the schemas refuse unknown fields). */
function changedFields(config: ResourceConfig, params: UpdateParams): Record<string, unknown> {
  const data = params.data as Record<string, unknown>;
  const previous = (params.previousData ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of config.updateFields ?? []) {
    if (!(field in data)) continue;
    if (JSON.stringify(data[field]) !== JSON.stringify(previous[field])) out[field] = data[field];
  }
  return out;
}

/** Drops empty optional values from a create form (the server wants them absent, not ""). */
function compact(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** Sort (by any field, strings compared the French way) and page a list that came whole. */
function pageLocally(rows: RaRecord[], params: GetListParams) {
  const { field, order } = params.sort ?? { field: '', order: 'ASC' };
  const sorted = field
    ? [...rows].sort((a, b) => {
        const cmp = String(a[field] ?? '').localeCompare(String(b[field] ?? ''), 'fr', { numeric: true });
        return order === 'DESC' ? -cmp : cmp;
      })
    : rows;
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  return { data: sorted.slice((page - 1) * perPage, page * perPage), total: rows.length };
}

const post = <T>(path: string, body?: unknown) =>
  apiFetch<T>(path, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) }).then(
    (r) => r.json,
  );

export const dataProvider = {
  async getList<R extends RaRecord>(resource: string, params: GetListParams): Promise<GetListResult<R>> {
    const config = configOf(resource);
    const { json } = await apiFetch<{ data: RaRecord[]; total?: number }>(
      `${config.path}?${listQuery(config, params)}`,
      { signal: params.signal ?? null },
    );
    if (config.unpaged) return pageLocally(json.data, params) as GetListResult<R>;
    return { data: json.data as R[], total: json.total ?? json.data.length };
  },

  async getOne<R extends RaRecord>(resource: string, params: GetOneParams): Promise<GetOneResult<R>> {
    const config = configOf(resource);
    if (config.unpaged) {
      const { json } = await apiFetch<{ data: RaRecord[] }>(config.path, { signal: params.signal ?? null });
      const found = json.data.find((r) => String(r.id) === String(params.id));
      if (!found) throw new HttpError('consigne.errors.not_found', 404);
      return { data: found as R };
    }
    const { json } = await apiFetch<RaRecord>(`${config.path}/${encode(params.id as Identifier)}`, {
      signal: params.signal ?? null,
    });
    return { data: json as R };
  },

  /** No list endpoint filters by ids: staff and structures are few, so read one page and pick. */
  async getMany<R extends RaRecord>(resource: string, params: GetManyParams): Promise<GetManyResult<R>> {
    const config = configOf(resource);
    if (config.unpaged || resource === 'staff' || resource === 'structures') {
      const path = config.unpaged ? config.path : `${config.path}?page=1&perPage=100`;
      const { json } = await apiFetch<{ data: RaRecord[] }>(path, {
        signal: params.signal ?? null,
      });
      const wanted = new Set(params.ids.map(String));
      return { data: json.data.filter((r) => wanted.has(String(r.id))) as R[] };
    }
    const records = await Promise.all(params.ids.map((id: Identifier) => dataProvider.getOne<R>(resource, { id })));
    return { data: records.map((r) => r.data) };
  },

  async getManyReference<R extends RaRecord>(
    resource: string,
    params: GetManyReferenceParams,
  ): Promise<GetListResult<R>> {
    return dataProvider.getList<R>(resource, {
      ...params,
      filter: { ...(params.filter as Record<string, unknown>), [params.target]: params.id },
    });
  },

  async create<R extends RaRecord>(resource: string, params: CreateParams): Promise<CreateResult<R>> {
    const config = configOf(resource);
    const json = await post<R>(config.createPath ?? config.path, compact(params.data as Record<string, unknown>));
    return { data: json };
  },

  async update<R extends RaRecord>(resource: string, params: UpdateParams): Promise<UpdateResult<R>> {
    const config = configOf(resource);
    const changes = changedFields(config, params);
    if (Object.keys(changes).length === 0) return { data: { ...params.previousData, ...params.data } as R };
    const { json } = await apiFetch<R>(`${config.path}/${encode(params.id as Identifier)}`, {
      method: 'PATCH',
      body: JSON.stringify(changes),
    });
    return { data: json };
  },

  async updateMany(resource: string, params: UpdateManyParams) {
    const config = configOf(resource);
    await Promise.all(
      params.ids.map((id: Identifier) =>
        apiFetch(`${config.path}/${encode(id)}`, { method: 'PATCH', body: JSON.stringify(params.data) }),
      ),
    );
    return { data: params.ids };
  },

  async delete<R extends RaRecord>(resource: string, params: DeleteParams<R>): Promise<DeleteResult<R>> {
    const config = configOf(resource);
    await apiRequest(`${config.path}/${encode(params.id)}`, { method: 'DELETE' });
    return { data: params.previousData ?? ({ id: params.id } as R) };
  },

  async deleteMany(resource: string, params: DeleteManyParams) {
    const config = configOf(resource);
    await Promise.all(
      params.ids.map((id: Identifier) => apiRequest(`${config.path}/${encode(id)}`, { method: 'DELETE' })),
    );
    return { data: params.ids };
  },

  // ---- Beneficiaries (referent) ----
  unlockBeneficiary: (id: Identifier) => post<Json<'unlockBeneficiary'>>(`/beneficiaries/${encode(id)}/unlock`),
  revokeBeneficiarySessions: (id: Identifier) =>
    post<Json<'revokeBeneficiarySessions'>>(`/beneficiaries/${encode(id)}/sessions/revoke`),
  changeBeneficiaryPhone: (id: Identifier, body: Body<'changeBeneficiaryPhone'>) =>
    post<Json<'changeBeneficiaryPhone'>>(`/beneficiaries/${encode(id)}/phone`, body),
  /** A referent sends their own TOTP code (AUTHZ-3); the answer is the PDF. */
  async issueEmergencyCard(
    id: Identifier,
    body: Body<'issueEmergencyCard'>,
  ): Promise<{ blob: Blob; fileName: string }> {
    const response = await apiRequest(`/beneficiaries/${encode(id)}/emergency-card`, {
      method: 'POST',
      headers: { Accept: 'application/pdf, application/problem+json' },
      body: JSON.stringify(body),
    });
    const fileName = fileNameOf(response.headers.get('content-disposition'), 'carte-urgence-consigne.pdf');
    return { blob: await response.blob(), fileName };
  },
  createBeneficiary: (body: Body<'createBeneficiary'>) => post<Json<'createBeneficiary'>>('/beneficiaries', body),
  requestFollow: (body: Body<'requestFollow'>) => post<Json<'requestFollow'>>('/beneficiaries/follow-requests', body),
  confirmFollowWithCode: (followId: string, code: string) =>
    post<Json<'confirmFollowWithCode'>>(`/beneficiaries/follow-requests/${encodeURIComponent(followId)}/confirm`, {
      code,
    }),

  // ---- Staff of my structure (structure admin) ----
  deactivateStaffMember: (id: Identifier) => post<Json<'deactivateStaffMember'>>(`/staff/${encode(id)}/deactivate`),
  reactivateStaffMember: (id: Identifier) => post<Json<'reactivateStaffMember'>>(`/staff/${encode(id)}/reactivate`),
  getMyStructure: () => apiFetch<Json<'getMyStructure'>>('/structure').then((r) => r.json),
  updateMyStructure: (body: Body<'updateMyStructure'>) =>
    apiFetch<Json<'updateMyStructure'>>('/structure', { method: 'PATCH', body: JSON.stringify(body) }).then(
      (r) => r.json,
    ),

  // ---- Structures (platform admin) ----
  archiveStructure: (id: Identifier) => post<Json<'archiveStructure'>>(`/structures/${encode(id)}/archive`),
  inviteStructureAdmin: (id: Identifier, body: Body<'inviteStructureAdmin'>) =>
    post<Json<'inviteStructureAdmin'>>(`/structures/${encode(id)}/invitations`, body),

  // ---- Shared papers of a followed beneficiary (referent) ----
  listBeneficiaryDocuments: (beneficiaryId: Identifier, filter: DocumentFilter, signal?: AbortSignal) =>
    apiFetch<DocumentList>(documentsApi.listPath(String(beneficiaryId), filter), { signal: signal ?? null }).then(
      (r) => r.json,
    ),
  documentThumbnail: (documentId: string, signal?: AbortSignal) =>
    apiBlob(documentsApi.thumbnailPath(documentId), { signal: signal ?? null }),
  async downloadDocument(documentId: string, inline: boolean): Promise<{ blob: Blob; fileName: string | null }> {
    const response = await apiRequest(documentsApi.contentPath(documentId, inline), {
      headers: { Accept: '*/*' },
    });
    const disposition = response.headers.get('content-disposition');
    return { blob: await response.blob(), fileName: disposition ? fileNameOf(disposition, '') || null : null };
  },
  depositDocument: (
    beneficiaryId: Identifier,
    form: FormData,
    onProgress: (p: UploadProgress) => void,
    signal?: AbortSignal,
  ) => apiUpload<DepositedDocument>(documentsApi.depositPath(String(beneficiaryId)), form, onProgress, signal),
  listDocumentTypes: () => apiFetch<DocumentTypeList>(documentsApi.typesPath).then((r) => r.json),
} satisfies DataProvider;

export type ConsigneDataProvider = typeof dataProvider;
