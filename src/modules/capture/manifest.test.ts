import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import { AppError } from '../../kernel/errors.ts';
import { CAPTURE_POSITION_MAX_ACCURACY_METRES, CAPTURE_POSITION_MAX_AGE_MS } from '../../kernel/policy.ts';
import {
  assertChallengeUsable,
  assertHashMatches,
  assertKeyUsable,
  assertManifestAgrees,
  fingerprintOf,
  keyState,
  parseCaptureEnvelope,
  parseCapturePublicKey,
  positionFlags,
  verifyCaptureSignature,
  type CaptureManifest,
  type ChallengeFacts,
  type KeyFacts,
} from './manifest.ts';
import { makeCaptureKey, signManifest } from './test-helpers.ts';

const T0 = new Date('2026-07-15T02:00:00Z');
const min = (n: number) => new Date(T0.getTime() + n * 60_000);
const me = { type: 'user' as const, id: '11111111-1111-4111-8111-111111111111' };
const other = { type: 'user' as const, id: '22222222-2222-4222-8222-222222222222' };

const manifest: CaptureManifest = {
  v: 1,
  purpose: 'process',
  sha256: 'a'.repeat(64),
  challenge: { nonce: 'N'.repeat(43), issuedAt: T0.toISOString() },
  capturedAt: '2026-07-15T10:05:00+08:00',
  position: { lat: 43.8468, lng: 125.3562, accuracy: 8, fixedAt: '2026-07-15T10:04:50+08:00' },
  batchId: '33333333-3333-4333-8333-333333333333',
  testerPersonId: '44444444-4444-4444-8444-444444444444',
  equipmentId: '55555555-5555-4555-8555-555555555555',
  componentId: 'QC-ABCD-EFGH-JK-7',
  recordKeys: ['R-0001'],
  appVersion: '1.0.0',
};

/** The code of the AppError `fn` throws (status and code), or 'ok'. */
function outcome(fn: () => void): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return `${e.statusCode} ${e.code}`;
    throw e;
  }
}

describe('the canonical manifest and its signature', () => {
  it('is the JCS of the manifest: key order and whitespace of the sender do not matter', () => {
    const { appVersion, ...rest } = manifest;
    const reordered = JSON.parse(JSON.stringify({ appVersion, ...rest }, null, 2)) as Record<string, unknown>;
    const env = parseCaptureEnvelope({ manifest: reordered, keyId: me.id, alg: 'Ed25519', signature: 'AAAA' }, 'capture');
    expect(env.canonical).toBe(canonicalJson(manifest));
    expect(env.canonical.startsWith('{"appVersion":"1.0.0","batchId":')).toBe(true);
  });

  it.each(['Ed25519', 'ES256'] as const)('%s: verifies the holder signature and nothing else', (alg) => {
    const key = makeCaptureKey(alg);
    const text = canonicalJson(manifest);
    const sig = signManifest(key, manifest);
    expect(verifyCaptureSignature(alg, key.spki, text, sig)).toBe(true);
    expect(verifyCaptureSignature(alg, key.spki, canonicalJson({ ...manifest, appVersion: '1.0.1' }), sig)).toBe(false);
    expect(verifyCaptureSignature(alg, makeCaptureKey(alg).spki, text, sig)).toBe(false);
    expect(verifyCaptureSignature(alg === 'Ed25519' ? 'ES256' : 'Ed25519', key.spki, text, sig)).toBe(false);
    expect(verifyCaptureSignature(alg, key.spki, text, 'not-a-signature')).toBe(false);
  });

  it('accepts Ed25519 and P-256 public keys only, and fingerprints the SPKI', () => {
    const ed = makeCaptureKey('Ed25519');
    expect(parseCapturePublicKey(ed.spki)?.alg).toBe('Ed25519');
    expect(parseCapturePublicKey(makeCaptureKey('ES256').spki)?.alg).toBe('ES256');
    expect(parseCapturePublicKey('not a key')).toBeNull();
    expect(fingerprintOf(Buffer.from(ed.spki, 'base64'))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('parsing the envelope', () => {
  const env = (over: Record<string, unknown>, mOver: Record<string, unknown> = {}) => () =>
    parseCaptureEnvelope({ manifest: { ...manifest, ...mOver }, keyId: me.id, alg: 'Ed25519', signature: 'AAAA', ...over }, 'capture');
  it.each([
    ['an unknown algorithm', env({ alg: 'RS256' })],
    ['a key id that is not a UUID', env({ keyId: 'phone-1' })],
    ['an unknown field in the manifest', env({}, { extra: 1 })],
    ['another manifest version', env({}, { v: 2 })],
    ['an upper-case hash', env({}, { sha256: 'A'.repeat(64) })],
    ['a nonce of another length', env({}, { challenge: { nonce: 'short', issuedAt: T0.toISOString() } })],
    ['a capture time without a zone', env({}, { capturedAt: '2026-07-15T10:05:00' })],
    ['a negative accuracy', env({}, { position: { ...manifest.position, accuracy: -1 } })],
    ['an unknown purpose', env({}, { purpose: 'selfie' })],
  ])('refuses %s (400 CAPTURE_MANIFEST_INVALID)', (_name, fn) => {
    expect(outcome(fn)).toBe('400 CAPTURE_MANIFEST_INVALID');
  });
});

describe('the key', () => {
  const key = (over: Partial<KeyFacts> = {}): KeyFacts => ({ ownerType: 'user', ownerId: me.id, algorithm: 'Ed25519', approvedAt: min(0), revokedAt: null, expiresAt: min(60), ...over });
  it.each<[string, KeyFacts | null, string]>([
    ['approved, in force, the uploader’s', key(), 'ok'],
    ['not enrolled', null, '422 CAPTURE_KEY_UNKNOWN'],
    ['another person’s', key({ ownerId: other.id }), '403 CAPTURE_KEY_NOT_YOURS'],
    ['an agency system’s, used by a person', key({ ownerType: 'machine' }), '403 CAPTURE_KEY_NOT_YOURS'],
    ['revoked before the upload', key({ revokedAt: min(5) }), '403 CAPTURE_KEY_REVOKED'],
    ['expired', key({ expiresAt: min(10) }), '403 CAPTURE_KEY_EXPIRED'],
    ['waiting for approval', key({ approvedAt: null }), '403 CAPTURE_KEY_NOT_APPROVED'],
    ['of the other algorithm', key({ algorithm: 'ES256' }), '422 CAPTURE_SIGNATURE_INVALID'],
  ])('%s → %s', (_name, k, expected) => {
    expect(outcome(() => assertKeyUsable(k, me, 'Ed25519', min(10), 'capture'))).toBe(expected);
  });

  it('states: revoked wins over expired, expired over pending', () => {
    expect(keyState({ approvedAt: null, revokedAt: min(1), expiresAt: min(2) }, min(3))).toBe('revoked');
    expect(keyState({ approvedAt: null, revokedAt: null, expiresAt: min(2) }, min(3))).toBe('expired');
    expect(keyState({ approvedAt: null, revokedAt: null, expiresAt: min(9) }, min(3))).toBe('pending');
    expect(keyState({ approvedAt: min(1), revokedAt: null, expiresAt: min(9) }, min(3))).toBe('approved');
  });
});

describe('the challenge', () => {
  const ch = (over: Partial<ChallengeFacts> = {}): ChallengeFacts => ({ issuedToType: 'user', issuedToId: me.id, issuedAt: T0, expiresAt: min(240), usedFor: null, ...over });
  it.each<[string, ChallengeFacts | null, string, Date, string]>([
    ['fresh, the uploader’s', ch(), T0.toISOString(), min(30), 'ok'],
    ['not issued by the platform', null, T0.toISOString(), min(30), '422 CAPTURE_CHALLENGE_UNKNOWN'],
    ['issued to someone else', ch({ issuedToId: other.id }), T0.toISOString(), min(30), '403 CAPTURE_CHALLENGE_NOT_YOURS'],
    ['with a forged issue time', ch(), min(-60).toISOString(), min(30), '422 CAPTURE_CHALLENGE_UNKNOWN'],
    ['used by another upload', ch({ usedFor: 'image:x' }), T0.toISOString(), min(30), '409 CAPTURE_CHALLENGE_REPLAYED'],
    ['used by this very upload (tus finishing)', ch({ usedFor: 'image_upload:u1' }), T0.toISOString(), min(30), 'ok'],
    ['received at its expiry', ch(), T0.toISOString(), min(240), '410 CAPTURE_CHALLENGE_EXPIRED'],
  ])('%s → %s', (_name, c, claimed, receivedAt, expected) => {
    const usedFor = c?.usedFor === 'image_upload:u1' ? 'image_upload:u1' : 'image:new';
    expect(outcome(() => assertChallengeUsable(c, me, claimed, usedFor, receivedAt, 'capture'))).toBe(expected);
  });
});

describe('agreement, hash and position', () => {
  const declared = {
    purpose: 'process' as const,
    batchId: manifest.batchId,
    capturedAt: manifest.capturedAt,
    location: { lat: manifest.position.lat, lng: manifest.position.lng },
    testerPersonId: manifest.testerPersonId,
    equipmentId: manifest.equipmentId,
    componentId: manifest.componentId,
    recordKeys: manifest.recordKeys,
  };
  it.each<[string, Partial<typeof declared>]>([
    ['batch', { batchId: other.id }],
    ['capture time', { capturedAt: '2026-07-15T10:06:00+08:00' }],
    ['latitude', { location: { lat: 43.85, lng: manifest.position.lng } }],
    ['tester', { testerPersonId: other.id }],
    ['equipment', { equipmentId: null }],
    ['component', { componentId: 'QC-ZZZZ-ZZZZ-ZZ-0' }],
    ['records', { recordKeys: ['R-0001', 'R-0002'] }],
    ['purpose', { purpose: 'witness_checkin' as never }],
  ])('a declared %s other than the signed one is refused (422 CAPTURE_MANIFEST_MISMATCH)', (_n, over) => {
    expect(outcome(() => assertManifestAgrees(manifest, { ...declared, ...over }, 'capture'))).toBe('422 CAPTURE_MANIFEST_MISMATCH');
  });
  it('the same values agree', () => expect(outcome(() => assertManifestAgrees(manifest, declared, 'capture'))).toBe('ok'));
  it('bytes other than the signed ones: 422 CAPTURE_HASH_MISMATCH', () => {
    expect(outcome(() => assertHashMatches(manifest, 'b'.repeat(64), 'capture'))).toBe('422 CAPTURE_HASH_MISMATCH');
    expect(outcome(() => assertHashMatches(manifest, 'a'.repeat(64), 'capture'))).toBe('ok');
  });

  const at = (ageMs: number, accuracy: number): CaptureManifest => ({
    ...manifest,
    position: { ...manifest.position, accuracy, fixedAt: new Date(new Date(manifest.capturedAt).getTime() - ageMs).toISOString() },
  });
  it.each<[string, CaptureManifest, string[]]>([
    ['a fresh, accurate fix', at(10_000, 8), []],
    ['a fix exactly at the age limit', at(CAPTURE_POSITION_MAX_AGE_MS, 8), []],
    ['a fix one second older', at(CAPTURE_POSITION_MAX_AGE_MS + 1000, 8), ['capture_position_stale']],
    ['exactly the accuracy limit', at(0, CAPTURE_POSITION_MAX_ACCURACY_METRES), []],
    ['a coarser fix', at(0, CAPTURE_POSITION_MAX_ACCURACY_METRES + 1), ['capture_position_inaccurate']],
    ['both', at(10 * 60_000, 500), ['capture_position_stale', 'capture_position_inaccurate']],
  ])('%s → %j', (_n, m, kinds) => {
    expect(positionFlags(m).map((f) => f.kind)).toEqual(kinds);
  });
});
