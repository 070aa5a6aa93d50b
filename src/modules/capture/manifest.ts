import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import { AppError, badRequest, forbidden, unprocessable } from '../../kernel/errors.ts';
import {
  CAPTURE_APP_VERSION_MAX_LENGTH,
  CAPTURE_ANOMALY_SEVERITY,
  CAPTURE_POSITION_MAX_ACCURACY_METRES,
  CAPTURE_POSITION_MAX_AGE_MS,
  IMAGE_RECORD_KEYS_MAX,
} from '../../kernel/policy.ts';

/**
 * The signed capture manifest (docs/integration-api.md "签名采集"), pure rules: parsing, the canonical bytes that are
 * signed, signature verification for both algorithms, and the checks of key, challenge, agreement and position. I/O
 * (reading keys and challenges, consuming a challenge) is in service.ts; every decision is here.
 *
 * Canonical form: the UTF-8 bytes of the RFC 8785 (JCS) serialisation of the manifest object, exactly as received
 * (JCS sorts keys and fixes number and string forms, so any JSON library's output of the same object gives the same
 * bytes). Ed25519 signs those bytes (RFC 8032, pure); ES256 is ECDSA P-256 over SHA-256 of those bytes, signature
 * in IEEE P1363 form (r‖s, 64 bytes), which is what WebCrypto produces. Signatures travel as base64url.
 */

export const CAPTURE_ALGORITHMS = ['Ed25519', 'ES256'] as const;
export type CaptureAlgorithm = (typeof CAPTURE_ALGORITHMS)[number];
export const CAPTURE_PURPOSES = ['process', 'witness_checkin'] as const;
export type CapturePurpose = (typeof CAPTURE_PURPOSES)[number];
export const MANIFEST_VERSION = 1;

export interface CapturePosition {
  lat: number;
  lng: number;
  /** 95 % radius in metres, as the Geolocation API reports it. */
  accuracy: number;
  /** When the fix was taken (RFC 3339). */
  fixedAt: string;
}

export interface CaptureManifest {
  v: 1;
  purpose: CapturePurpose;
  sha256: string;
  challenge: { nonce: string; issuedAt: string };
  capturedAt: string;
  position: CapturePosition;
  batchId: string;
  testerPersonId: string | null;
  equipmentId: string | null;
  componentId: string | null;
  recordKeys: string[];
  appVersion: string;
}

/** The `capture` member of an upload's metadata: the manifest, and who signed it how. */
export interface CaptureEnvelope {
  manifest: CaptureManifest;
  /** The JCS text of the manifest: what was signed. */
  canonical: string;
  keyId: string;
  alg: CaptureAlgorithm;
  /** base64url, as sent. */
  signature: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const HEX64 = /^[0-9a-f]{64}$/;
const NONCE = /^[A-Za-z0-9_-]{43}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;
const RECORD_KEY = /^[A-Za-z0-9._:-]{1,100}$/;
const APP_VERSION = new RegExp(`^[0-9A-Za-z.+-]{1,${CAPTURE_APP_VERSION_MAX_LENGTH}}$`);

const bad = (message: string, field: string) => badRequest('CAPTURE_MANIFEST_INVALID', message, field);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is string => typeof v === 'string' && RFC3339.test(v) && !Number.isNaN(new Date(v).getTime());

function only(obj: Record<string, unknown>, keys: readonly string[], field: string): void {
  for (const k of Object.keys(obj)) if (!keys.includes(k)) throw bad(`采集清单含有未定义的字段 ${k}`, `${field}.${k}`);
}

function nullableUuid(obj: Record<string, unknown>, key: string, field: string): string | null {
  const v = obj[key];
  if (v === null) return null;
  if (typeof v !== 'string' || !UUID.test(v)) throw bad(`${key} 应为小写 UUID 或 null`, `${field}.${key}`);
  return v;
}

/** Parses the `capture` member of an upload's metadata (400 CAPTURE_MANIFEST_INVALID naming the field otherwise). */
export function parseCaptureEnvelope(value: unknown, field: string): CaptureEnvelope {
  if (!isObj(value)) throw bad('capture 应为 { manifest, keyId, alg, signature }', field);
  only(value, ['manifest', 'keyId', 'alg', 'signature'], field);
  if (typeof value.keyId !== 'string' || !UUID.test(value.keyId)) throw bad('keyId 应为登记的采集密钥 ID（小写 UUID）', `${field}.keyId`);
  if (!CAPTURE_ALGORITHMS.includes(value.alg as CaptureAlgorithm)) throw bad('alg 应为 Ed25519 或 ES256', `${field}.alg`);
  if (typeof value.signature !== 'string' || !B64URL.test(value.signature) || value.signature.length > 200) {
    throw bad('signature 应为 base64url 编码的签名', `${field}.signature`);
  }
  const manifest = parseManifest(value.manifest, `${field}.manifest`);
  return { manifest, canonical: canonicalJson(value.manifest), keyId: value.keyId, alg: value.alg as CaptureAlgorithm, signature: value.signature };
}

export function parseManifest(m: unknown, field: string): CaptureManifest {
  if (!isObj(m)) throw bad('manifest 应为 JSON 对象', field);
  only(m, ['v', 'purpose', 'sha256', 'challenge', 'capturedAt', 'position', 'batchId', 'testerPersonId', 'equipmentId', 'componentId', 'recordKeys', 'appVersion'], field);
  if (m.v !== MANIFEST_VERSION) throw bad(`采集清单版本 v 应为 ${MANIFEST_VERSION}`, `${field}.v`);
  if (!CAPTURE_PURPOSES.includes(m.purpose as CapturePurpose)) throw bad('purpose 应为 process 或 witness_checkin', `${field}.purpose`);
  if (typeof m.sha256 !== 'string' || !HEX64.test(m.sha256)) throw bad('sha256 应为 JPEG 字节的 SHA-256（64 位小写十六进制）', `${field}.sha256`);
  const c = m.challenge;
  if (!isObj(c)) throw bad('challenge 应为 { nonce, issuedAt }', `${field}.challenge`);
  only(c, ['nonce', 'issuedAt'], `${field}.challenge`);
  if (typeof c.nonce !== 'string' || !NONCE.test(c.nonce)) throw bad('challenge.nonce 应为平台签发的 43 位 base64url 随机数', `${field}.challenge.nonce`);
  if (!isTime(c.issuedAt)) throw bad('challenge.issuedAt 应为平台签发时给出的时间', `${field}.challenge.issuedAt`);
  if (!isTime(m.capturedAt)) throw bad('capturedAt 应为带时区的 RFC 3339 时间', `${field}.capturedAt`);
  const p = m.position;
  if (!isObj(p)) throw bad('position 应为 { lat, lng, accuracy, fixedAt }', `${field}.position`);
  only(p, ['lat', 'lng', 'accuracy', 'fixedAt'], `${field}.position`);
  if (typeof p.lat !== 'number' || !Number.isFinite(p.lat) || p.lat < -90 || p.lat > 90) throw bad('纬度 lat 应为 -90～90 之间的数', `${field}.position.lat`);
  if (typeof p.lng !== 'number' || !Number.isFinite(p.lng) || p.lng < -180 || p.lng > 180) throw bad('经度 lng 应为 -180～180 之间的数', `${field}.position.lng`);
  if (typeof p.accuracy !== 'number' || !Number.isFinite(p.accuracy) || p.accuracy < 0) throw bad('accuracy 应为定位精度（米，非负）', `${field}.position.accuracy`);
  if (!isTime(p.fixedAt)) throw bad('fixedAt 应为定位时间（RFC 3339）', `${field}.position.fixedAt`);
  if (typeof m.batchId !== 'string' || !UUID.test(m.batchId)) throw bad('batchId 应为批次 ID（小写 UUID）', `${field}.batchId`);
  const testerPersonId = nullableUuid(m, 'testerPersonId', field);
  const equipmentId = nullableUuid(m, 'equipmentId', field);
  if (m.componentId !== null && (typeof m.componentId !== 'string' || m.componentId.length === 0 || m.componentId.length > 64)) {
    throw bad('componentId 应为构件唯一标识或 null', `${field}.componentId`);
  }
  const keys = m.recordKeys;
  if (!Array.isArray(keys) || keys.length > IMAGE_RECORD_KEYS_MAX || keys.some((k) => typeof k !== 'string' || !RECORD_KEY.test(k))) {
    throw bad(`recordKeys 应为至多 ${IMAGE_RECORD_KEYS_MAX} 个原始记录编号`, `${field}.recordKeys`);
  }
  if (typeof m.appVersion !== 'string' || !APP_VERSION.test(m.appVersion)) throw bad('appVersion 应为采集程序版本号', `${field}.appVersion`);
  return {
    v: MANIFEST_VERSION,
    purpose: m.purpose as CapturePurpose,
    sha256: m.sha256,
    challenge: { nonce: c.nonce, issuedAt: c.issuedAt },
    capturedAt: m.capturedAt,
    position: { lat: p.lat, lng: p.lng, accuracy: p.accuracy, fixedAt: p.fixedAt },
    batchId: m.batchId,
    testerPersonId,
    equipmentId,
    componentId: (m.componentId as string | null) ?? null,
    recordKeys: keys as string[],
    appVersion: m.appVersion,
  };
}

// ─── Keys ───

/** A public key as enrolled: SPKI DER in base64 (or base64url, or PEM). Returns the algorithm it is for, or null. */
export function parseCapturePublicKey(text: string): { key: KeyObject; alg: CaptureAlgorithm; spkiDer: Buffer } | null {
  try {
    const t = text.trim();
    const key = t.startsWith('-----BEGIN')
      ? createPublicKey(t)
      : createPublicKey({ key: Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64'), format: 'der', type: 'spki' });
    if (key.type !== 'public') return null;
    const spkiDer = key.export({ format: 'der', type: 'spki' });
    if (key.asymmetricKeyType === 'ed25519') return { key, alg: 'Ed25519', spkiDer };
    if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { key, alg: 'ES256', spkiDer };
    return null;
  } catch {
    return null;
  }
}

/** The key's fingerprint: SHA-256 of its SPKI DER, lower-case hex. */
export const fingerprintOf = (spkiDer: Buffer): string => createHash('sha256').update(spkiDer).digest('hex');

/** Verifies `signature` (base64url) over the UTF-8 bytes of `canonical`. Never throws. */
export function verifyCaptureSignature(alg: CaptureAlgorithm, spkiBase64: string, canonical: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
    const sig = Buffer.from(signature, 'base64url');
    if (sig.length !== 64) return false;
    const data = Buffer.from(canonical, 'utf8');
    if (alg === 'Ed25519') return key.asymmetricKeyType === 'ed25519' && verify(null, data, key, sig);
    return key.asymmetricKeyType === 'ec' && verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig);
  } catch {
    return false;
  }
}

export interface KeyFacts {
  ownerType: 'user' | 'machine';
  ownerId: string;
  algorithm: CaptureAlgorithm;
  approvedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

export type KeyState = 'pending' | 'approved' | 'revoked' | 'expired';

export function keyState(k: Pick<KeyFacts, 'approvedAt' | 'revokedAt' | 'expiresAt'>, now: Date): KeyState {
  if (k.revokedAt && k.revokedAt.getTime() <= now.getTime()) return 'revoked';
  if (k.expiresAt.getTime() <= now.getTime()) return 'expired';
  return k.approvedAt ? 'approved' : 'pending';
}

/**
 * The key may sign this upload: it exists, is the uploader's, approved, not revoked, not expired, of the algorithm
 * the envelope names. Each refusal has its own code (docs/integration-api.md).
 */
export function assertKeyUsable(k: KeyFacts | null, uploader: { type: 'user' | 'machine'; id: string }, alg: CaptureAlgorithm, now: Date, field: string): void {
  if (!k) throw unprocessable('CAPTURE_KEY_UNKNOWN', '采集密钥未在平台登记', `${field}.keyId`);
  if (k.ownerType !== uploader.type || k.ownerId !== uploader.id) throw forbidden('CAPTURE_KEY_NOT_YOURS', '采集密钥不属于上传者本人');
  const state = keyState(k, now);
  if (state === 'revoked') throw forbidden('CAPTURE_KEY_REVOKED', '采集密钥已被吊销，签名无效');
  if (state === 'expired') throw forbidden('CAPTURE_KEY_EXPIRED', '采集密钥已过期，请重新登记本机');
  if (state === 'pending') throw forbidden('CAPTURE_KEY_NOT_APPROVED', '采集密钥尚未经管理员批准');
  if (k.algorithm !== alg) throw unprocessable('CAPTURE_SIGNATURE_INVALID', `签名算法 ${alg} 与登记的密钥（${k.algorithm}）不符`, `${field}.alg`);
}

// ─── Challenges ───

export interface ChallengeFacts {
  issuedToType: 'user' | 'machine';
  issuedToId: string;
  issuedAt: Date;
  expiresAt: Date;
  usedFor: string | null;
}

/**
 * The challenge may be used for `usedFor`: it was issued to the uploader, is unused (or already used by this very
 * upload, when a resumable upload finishes), and the upload reached the platform (`receivedAt`) before it expired.
 */
export function assertChallengeUsable(
  c: ChallengeFacts | null,
  uploader: { type: 'user' | 'machine'; id: string },
  claimedIssuedAt: string,
  usedFor: string,
  receivedAt: Date,
  field: string,
): void {
  if (!c) throw unprocessable('CAPTURE_CHALLENGE_UNKNOWN', '采集挑战码不是平台签发的', `${field}.challenge.nonce`);
  if (c.issuedToType !== uploader.type || c.issuedToId !== uploader.id) throw forbidden('CAPTURE_CHALLENGE_NOT_YOURS', '该挑战码签发给了其他人，不能用于本人的采集');
  if (new Date(claimedIssuedAt).getTime() !== c.issuedAt.getTime()) {
    throw unprocessable('CAPTURE_CHALLENGE_UNKNOWN', '挑战码的签发时间与平台记录不符', `${field}.challenge.issuedAt`);
  }
  if (c.usedFor !== null && c.usedFor !== usedFor) throw new AppError(409, 'CAPTURE_CHALLENGE_REPLAYED', '该挑战码已被使用过，每张照片须使用新的挑战码', `${field}.challenge.nonce`);
  if (receivedAt.getTime() >= c.expiresAt.getTime()) throw new AppError(410, 'CAPTURE_CHALLENGE_EXPIRED', '挑战码已过期：照片须在挑战码有效期内上传到平台', `${field}.challenge.nonce`);
}

// ─── Agreement with the declared metadata ───

/** What the upload declares beside the manifest (the image's metadata), and what the request names. */
export interface DeclaredCapture {
  purpose: CapturePurpose;
  batchId: string;
  capturedAt: string;
  location: { lat: number; lng: number };
  testerPersonId: string | null;
  equipmentId: string | null;
  componentId: string | null;
  recordKeys: string[];
}

/** The manifest says what the metadata says, field by field (the signature covers the manifest, the row the metadata). */
export function assertManifestAgrees(m: CaptureManifest, d: DeclaredCapture, field: string): void {
  const pairs: [string, unknown, unknown][] = [
    ['purpose', m.purpose, d.purpose],
    ['batchId', m.batchId, d.batchId],
    ['capturedAt', m.capturedAt, d.capturedAt],
    ['position.lat', m.position.lat, d.location.lat],
    ['position.lng', m.position.lng, d.location.lng],
    ['testerPersonId', m.testerPersonId, d.testerPersonId],
    ['equipmentId', m.equipmentId, d.equipmentId],
    ['componentId', m.componentId, d.componentId],
    ['recordKeys', canonicalJson(m.recordKeys), canonicalJson(d.recordKeys)],
  ];
  for (const [name, signed, declared] of pairs) {
    if (signed !== declared) {
      throw unprocessable('CAPTURE_MANIFEST_MISMATCH', `签名的采集清单与申报信息不一致（${name}）`, `${field}.manifest.${name}`, { signed, declared });
    }
  }
}

/** The exact bytes are the ones signed. */
export function assertHashMatches(m: CaptureManifest, sha256: string, field: string): void {
  if (m.sha256 !== sha256) {
    throw unprocessable('CAPTURE_HASH_MISMATCH', '照片内容的 SHA-256 与签名的采集清单不符：照片在签名后被改动', `${field}.manifest.sha256`, { signed: m.sha256, received: sha256 });
  }
}

// ─── Position flags ───

export interface CaptureFlag {
  kind: 'capture_position_stale' | 'capture_position_inaccurate';
  details: Record<string, unknown>;
}

/** A fix older than the limit at capture, or less accurate than the limit: flagged for the department (never refused). */
export function positionFlags(m: CaptureManifest): CaptureFlag[] {
  const flags: CaptureFlag[] = [];
  const ageMs = new Date(m.capturedAt).getTime() - new Date(m.position.fixedAt).getTime();
  if (ageMs > CAPTURE_POSITION_MAX_AGE_MS) {
    flags.push({
      kind: 'capture_position_stale',
      details: { severity: CAPTURE_ANOMALY_SEVERITY.capture_position_stale, ageSeconds: Math.round(ageMs / 1000), limitSeconds: CAPTURE_POSITION_MAX_AGE_MS / 1000 },
    });
  }
  if (m.position.accuracy > CAPTURE_POSITION_MAX_ACCURACY_METRES) {
    flags.push({
      kind: 'capture_position_inaccurate',
      details: { severity: CAPTURE_ANOMALY_SEVERITY.capture_position_inaccurate, accuracyMetres: m.position.accuracy, limitMetres: CAPTURE_POSITION_MAX_ACCURACY_METRES },
    });
  }
  return flags;
}
