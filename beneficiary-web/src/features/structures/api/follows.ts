import type { operations } from '@consigne/server/openapi';
import { api, type ResponseOf } from '../../../lib/api';

export type Follow = ResponseOf<operations['listMyFollows']>['data'][number];

export const listMyFollows = async (signal?: AbortSignal) =>
  (await api.get<ResponseOf<operations['listMyFollows']>>('/me/follows', signal ? { signal } : {})).data;

export const answerFollowRequest = (id: string, accept: boolean) =>
  api.post<Follow>(`/me/follows/${encodeURIComponent(id)}/answer`, { accept });

export const unfollowStructure = (id: string) => api.delete<void>(`/me/follows/${encodeURIComponent(id)}`);
