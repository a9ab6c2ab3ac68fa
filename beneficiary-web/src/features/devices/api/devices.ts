import type { operations } from '@consigne/server/openapi';
import { api, postForBlob, type ResponseOf } from '../../../lib/api';

export type DeviceSession = ResponseOf<operations['listMySessions']>['data'][number];

export const listMySessions = async (signal?: AbortSignal) =>
  (await api.get<ResponseOf<operations['listMySessions']>>('/me/sessions', signal ? { signal } : {})).data;

export const revokeSession = (id: string) => api.delete<void>(`/me/sessions/${encodeURIComponent(id)}`);

/** A new emergency card (PDF): the previous one stops working. */
export const issueEmergencyCard = (beneficiaryId: string) =>
  postForBlob(`/beneficiaries/${encodeURIComponent(beneficiaryId)}/emergency-card`);

export const exportUrl = '/api/me/export';
