import { Type } from 'typebox';
import { DateTime } from '../../kernel/http/schemas.ts';
import { CAPTURE_CHALLENGE_TTL_MS, CAPTURE_POSITION_MAX_ACCURACY_METRES, CAPTURE_POSITION_MAX_AGE_MS } from '../../kernel/policy.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const Algorithm = Type.Enum(['Ed25519', 'ES256'] as const, { description: 'Ed25519，或 ES256（ECDSA P-256 + SHA-256，签名为 IEEE P1363 r‖s）' });

export const CaptureKeySchema = Type.Object(
  {
    id: Id,
    owner: Type.Object({ type: Type.Enum(['user', 'machine'] as const), id: Id, name: Type.String() }),
    organisationId: Id,
    algorithm: Algorithm,
    publicKey: Type.String({ description: '公钥 SubjectPublicKeyInfo（DER）的 base64' }),
    fingerprint: Type.String({ description: '公钥指纹：SPKI DER 的 SHA-256（小写十六进制）' }),
    label: Type.String(),
    state: Type.Enum(['pending', 'approved', 'revoked', 'expired'] as const, { description: 'pending 待批准 · approved 已批准 · revoked 已吊销 · expired 已过期' }),
    enrolledAt: DateTime,
    expiresAt: DateTime,
    approvedAt: Nullable(DateTime),
    approvedBy: Nullable(Type.String()),
    revokedAt: Nullable(DateTime),
    revokeReason: Nullable(Type.String()),
  },
  { $id: 'CaptureKey' },
);

export const EnrolBody = Type.Object(
  {
    publicKey: Type.String({ minLength: 40, maxLength: 1000, description: 'Ed25519 或 P-256 公钥的 SPKI（base64/base64url 或 PEM）' }),
    label: Type.String({ minLength: 1, maxLength: 100, description: '设备名称，如“张三的手机”' }),
  },
  { $id: 'CaptureKeyEnrolment', additionalProperties: false },
);

export const RevokeBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { $id: 'CaptureKeyRevocation', additionalProperties: false });

export const ChallengeSchema = Type.Object(
  {
    nonce: Type.String({ description: '32 字节随机数（base64url，43 位），写入采集清单 challenge.nonce' }),
    issuedAt: DateTime,
    expiresAt: DateTime,
    code: Type.String({ description: '验证码（8 位 Crockford base32），印在照片水印上，可在公开核验页查询' }),
  },
  { $id: 'CaptureChallenge' },
);

/**
 * The policy's limits a phone applies before capture, sent with every challenge pool so that the console holds no copy
 * of them (and keeps the last ones it was given for capture without network).
 */
export const CAPTURE_PHONE_LIMITS = {
  positionMaxAgeMs: CAPTURE_POSITION_MAX_AGE_MS,
  positionMaxAccuracyMetres: CAPTURE_POSITION_MAX_ACCURACY_METRES,
  challengeTtlMs: CAPTURE_CHALLENGE_TTL_MS,
} as const;

export const ChallengesSchema = Type.Object(
  {
    items: Type.Array(Type.Ref('CaptureChallenge')),
    positionMaxAgeMs: Type.Integer({ description: '定位时效上限（毫秒）：拍摄时定位结果不得早于此时长' }),
    positionMaxAccuracyMetres: Type.Number({ description: '定位精度上限（米，95% 半径）' }),
    challengeTtlMs: Type.Integer({ description: '挑战码有效期（毫秒）：照片须在此期限内到达平台' }),
  },
  { $id: 'CaptureChallenges' },
);

export const CaptureStatusProps = {
    status: Type.Enum(['verified', 'unsigned'] as const, { description: 'verified 签名采集已验证 · unsigned 未经签名采集' }),
    keyId: Nullable(Id),
    algorithm: Nullable(Algorithm),
    code: Nullable(Type.String()),
    positionAccuracy: Nullable(Type.Number()),
    appVersion: Nullable(Type.String()),
};
/** Embedded (without $id) in the image view; registered with its $id for the capture routes. */
export const CaptureStatusInline = Type.Object(CaptureStatusProps, { description: '签名采集：verified 为手机或采集程序在现场以登记密钥签名、平台验证通过' });
export const CaptureStatusSchema = Type.Object(CaptureStatusProps, { $id: 'CaptureStatus' });

export const PublicCaptureSchema = Type.Object(
  {
    code: Type.String(),
    kind: Type.Enum(['process', 'witness_checkin'] as const),
    capturedAt: DateTime,
    location: Type.Object({ lat: Type.Number(), lng: Type.Number(), accuracy: Type.Number() }),
    agencyName: Type.String(),
    batchNumber: Type.String(),
    sha256: Type.String(),
    algorithm: Algorithm,
    receivedAt: DateTime,
    verifiedAt: DateTime,
  },
  { $id: 'PublicCapture' },
);

/** The error `code`s this module's routes can answer with besides the platform-wide ones (listed in /openapi.json). */
export const ERROR_CODES: readonly string[] = [
  'CAPTURE_CHALLENGE_EXPIRED',
  'CAPTURE_CHALLENGE_NOT_YOURS',
  'CAPTURE_CHALLENGE_REPLAYED',
  'CAPTURE_CHALLENGE_UNKNOWN',
  'CAPTURE_CODE_NOT_FOUND',
  'CAPTURE_HASH_MISMATCH',
  'CAPTURE_KEYS_ADMIN_ONLY',
  'CAPTURE_KEYS_TOO_MANY',
  'CAPTURE_KEY_ADMIN_ONLY',
  'CAPTURE_KEY_ALREADY_ENROLLED',
  'CAPTURE_KEY_ALREADY_REVOKED',
  'CAPTURE_KEY_EXPIRED',
  'CAPTURE_KEY_INVALID',
  'CAPTURE_KEY_LABEL_REQUIRED',
  'CAPTURE_KEY_NOT_APPROVED',
  'CAPTURE_KEY_NOT_FOUND',
  'CAPTURE_KEY_NOT_PENDING',
  'CAPTURE_KEY_NOT_YOURS',
  'CAPTURE_KEY_REVOKED',
  'CAPTURE_KEY_SELF_APPROVAL',
  'CAPTURE_KEY_UNKNOWN',
  'CAPTURE_MANIFEST_INVALID',
  'CAPTURE_MANIFEST_MISMATCH',
  'CAPTURE_NO_ORGANISATION',
  'CAPTURE_REVOKE_REASON_REQUIRED',
  'CAPTURE_SIGNATURE_INVALID',
];
