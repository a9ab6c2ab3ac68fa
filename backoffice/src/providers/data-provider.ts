import type {
  CreateParams,
  DataProvider,
  DeleteManyParams,
  DeleteParams,
  GetListParams,
  GetManyParams,
  GetManyReferenceParams,
  GetOneParams,
  Identifier,
  QueryFunctionContext,
  RaRecord,
  UpdateManyParams,
  UpdateParams,
} from 'react-admin';
import { apiFetch } from './http';

/**
 * Stub on the REST conventions the API is expected to follow (`GET /api/<resource>?page&perPage…`
 * answering `{ data, total }`, `GET|PATCH|DELETE /api/<resource>/<id>`, `POST /api/<resource>`).
 * It will be replaced by the real provider once the endpoints and their OpenAPI types exist.
 */
interface ListBody<T> {
  data: T[];
  total: number;
}

type Query = Record<string, string>;

function path(resource: string, id?: Identifier, query?: Query): string {
  const base = `/${encodeURIComponent(resource)}`;
  const withId = id === undefined ? base : `${base}/${encodeURIComponent(String(id))}`;
  return query ? `${withId}?${new URLSearchParams(query).toString()}` : withId;
}

function listQuery(params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>): Query {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  const { field = 'id', order = 'ASC' } = params.sort ?? {};
  return {
    page: String(page),
    perPage: String(perPage),
    sort: field,
    order,
    filter: JSON.stringify(params.filter ?? {}),
  };
}

const signalOf = (params: QueryFunctionContext) => ({ signal: params.signal ?? null });

export const dataProvider = {
  async getList<R extends RaRecord>(resource: string, params: GetListParams & QueryFunctionContext) {
    const { json } = await apiFetch<ListBody<R>>(path(resource, undefined, listQuery(params)), signalOf(params));
    return { data: json.data, total: json.total };
  },

  async getOne<R extends RaRecord>(resource: string, params: GetOneParams<R> & QueryFunctionContext) {
    const { json } = await apiFetch<R>(path(resource, params.id), signalOf(params));
    return { data: json };
  },

  async getMany<R extends RaRecord>(resource: string, params: GetManyParams<R> & QueryFunctionContext) {
    const query = { filter: JSON.stringify({ id: params.ids }), perPage: String(params.ids.length) };
    const { json } = await apiFetch<ListBody<R>>(path(resource, undefined, query), signalOf(params));
    return { data: json.data };
  },

  async getManyReference<R extends RaRecord>(resource: string, params: GetManyReferenceParams & QueryFunctionContext) {
    const filter: Record<string, unknown> = {
      ...(params.filter as Record<string, unknown>),
      [params.target]: params.id,
    };
    const query = listQuery({ ...params, filter });
    const { json } = await apiFetch<ListBody<R>>(path(resource, undefined, query), signalOf(params));
    return { data: json.data, total: json.total };
  },

  async create<R extends RaRecord>(resource: string, params: CreateParams) {
    const { json } = await apiFetch<R>(path(resource), { method: 'POST', body: JSON.stringify(params.data) });
    return { data: json };
  },

  async update<R extends RaRecord>(resource: string, params: UpdateParams) {
    const { json } = await apiFetch<R>(path(resource, params.id as Identifier), {
      method: 'PATCH',
      body: JSON.stringify(params.data),
    });
    return { data: json };
  },

  async updateMany(resource: string, params: UpdateManyParams) {
    const body = JSON.stringify(params.data);
    await Promise.all(params.ids.map((id) => apiFetch(path(resource, id), { method: 'PATCH', body })));
    return { data: params.ids };
  },

  async delete<R extends RaRecord>(resource: string, params: DeleteParams<R>) {
    const { id } = params;
    await apiFetch(path(resource, id), { method: 'DELETE' });
    return { data: params.previousData ?? ({ id } as R) };
  },

  async deleteMany(resource: string, params: DeleteManyParams) {
    await Promise.all(params.ids.map((id: Identifier) => apiFetch(path(resource, id), { method: 'DELETE' })));
    return { data: params.ids };
  },
} satisfies DataProvider;
