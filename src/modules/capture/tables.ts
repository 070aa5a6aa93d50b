import type { Generated, Selectable } from 'kysely';
import type { CaptureAlgorithm } from './manifest.ts';

/** Capture keys (migration 0013): enrolled, approved, revoked in place, every change audited. */
export interface CaptureKeysTable {
  id: Generated<string>;
  owner_type: 'user' | 'machine';
  owner_id: string;
  owner_name: string;
  organisation_id: string;
  region_code: string;
  algorithm: CaptureAlgorithm;
  public_key_spki: string;
  fingerprint: string;
  label: string;
  enrolled_at: Date;
  expires_at: Date;
  approved_at: Date | null;
  approved_by_id: string | null;
  approved_by_name: string | null;
  revoked_at: Date | null;
  revoked_by_type: 'user' | 'machine' | null;
  revoked_by_id: string | null;
  revoke_reason: string | null;
}
export type CaptureKeyRow = Selectable<CaptureKeysTable>;

export interface CaptureChallengesTable {
  id: Generated<string>;
  nonce: string;
  code: string;
  issued_to_type: 'user' | 'machine';
  issued_to_id: string;
  organisation_id: string;
  issued_at: Date;
  expires_at: Date;
  used_at: Date | null;
  used_for: string | null;
}
export type CaptureChallengeRow = Selectable<CaptureChallengesTable>;

/** The verified manifest of an image (append-only). */
export interface ImageCapturesTable {
  image_id: string;
  key_id: string;
  challenge_id: string;
  algorithm: CaptureAlgorithm;
  manifest: string;
  signature: string;
  position_accuracy: number;
  position_fixed_at: Date;
  app_version: string;
  verified_at: Date;
}

declare module '../../kernel/db/types.ts' {
  interface Database {
    capture_keys: CaptureKeysTable;
    capture_challenges: CaptureChallengesTable;
    image_captures: ImageCapturesTable;
  }
}
