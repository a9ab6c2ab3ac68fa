import type { operations } from '@consigne/server/openapi';
import { api, type BodyOf, type ResponseOf } from '../../../lib/api';

export type Me = ResponseOf<operations['getMe']>;
export type BeneficiaryMe = Extract<Me, { kind: 'beneficiary' }>;
export type CodeRequested = ResponseOf<operations['requestSmsCode']>;
export type SessionOpened = ResponseOf<operations['verifySmsCode']>;

export const getMe = (signal?: AbortSignal) => api.get<Me>('/me', signal ? { signal } : {});

export const requestSmsCode = (body: BodyOf<operations['requestSmsCode']>) =>
  api.post<CodeRequested>('/auth/sms/request', body);

export const verifySmsCode = (body: BodyOf<operations['verifySmsCode']>) =>
  api.post<SessionOpened>('/auth/sms/verify', body);

export const verifyRecoveryCode = (body: BodyOf<operations['verifyRecoveryCode']>) =>
  api.post<SessionOpened>('/auth/sms/recovery', body);

export const logout = () => api.post<void>('/auth/logout');
