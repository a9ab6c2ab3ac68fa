import type { operations } from '@consigne/server/openapi';
import { api, type ResponseOf } from '../../../lib/api';

export type AccessLogPage = ResponseOf<operations['getMyAccessLog']>;
export type AccessEvent = AccessLogPage['data'][number];

export const perPage = 50;

export const getMyAccessLog = (page: number, signal?: AbortSignal) =>
  api.get<AccessLogPage>(`/me/access-log?page=${page}&perPage=${perPage}`, signal ? { signal } : {});
