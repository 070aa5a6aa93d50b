import { api } from '../../api.ts';

/** A capture key as the platform lists it (src/modules/capture/schemas.ts CaptureKey). */
export interface CaptureKey {
  id: string;
  owner: { type: 'user' | 'machine'; id: string; name: string };
  organisationId: string;
  algorithm: 'Ed25519' | 'ES256';
  publicKey: string;
  fingerprint: string;
  label: string;
  state: 'pending' | 'approved' | 'revoked' | 'expired';
  enrolledAt: string;
  expiresAt: string;
  approvedAt: string | null;
  approvedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

export const KEY_STATE_LABELS: Record<CaptureKey['state'], string> = { pending: '待批准', approved: '已批准', revoked: '已吊销', expired: '已过期' };
export const KEY_STATE_COLORS: Record<CaptureKey['state'], string> = { pending: 'gold', approved: 'success', revoked: 'error', expired: 'default' };

export interface Challenge {
  nonce: string;
  issuedAt: string;
  expiresAt: string;
  /** The verification code printed in the watermark. */
  code: string;
}

/** The challenges in hand and the policy's limits the phone applies before capture (sent by the server, never copied). */
export interface ChallengePool {
  items: Challenge[];
  positionMaxAgeMs: number;
  positionMaxAccuracyMetres: number;
  challengeTtlMs: number;
}

export const enrolKey = (publicKey: string, label: string) => api.post<CaptureKey>('/capture/keys', { publicKey, label });
export const listKeys = (scope: 'mine' | 'organisation') => api.get<{ items: CaptureKey[] }>('/capture/keys', { scope });
export const approveKey = (id: string) => api.post<CaptureKey>(`/capture/keys/${encodeURIComponent(id)}/approve`);
export const revokeKey = (id: string, reason: string) => api.post<CaptureKey>(`/capture/keys/${encodeURIComponent(id)}/revoke`, { reason });
export const fetchChallenges = () => api.post<ChallengePool>('/capture/challenges');
