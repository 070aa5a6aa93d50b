import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import type { CaptureAlgorithm, CaptureManifest } from './manifest.ts';

/** A capture key pair as a phone makes one (Ed25519, or P-256 for ES256), with its SPKI in base64 for enrolment. */
export interface TestCaptureKey {
  alg: CaptureAlgorithm;
  privateKey: KeyObject;
  spki: string;
  id?: string;
}

export function makeCaptureKey(alg: CaptureAlgorithm): TestCaptureKey {
  const pair = alg === 'Ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { alg, privateKey: pair.privateKey, spki: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64') };
}

/** The signature a phone makes over the manifest's JCS bytes (base64url; ES256 as IEEE P1363 r‖s). */
export function signManifest(key: TestCaptureKey, manifest: object): string {
  const data = Buffer.from(canonicalJson(manifest), 'utf8');
  const sig = key.alg === 'Ed25519' ? sign(null, data, key.privateKey) : sign('sha256', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return sig.toString('base64url');
}

export const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export interface ProcessDeclared {
  capturedAt: string;
  location: { lat: number; lng: number };
  testerPersonId: string;
  equipmentId: string;
  componentId: string;
  recordKeys: string[];
}

/** The manifest of a process image whose metadata is `d`, over `bytes`, with `challenge`. */
export function processManifest(
  batchId: string,
  d: ProcessDeclared,
  bytes: Buffer,
  challenge: { nonce: string; issuedAt: string },
  position: { accuracy?: number; fixedAt?: string } = {},
): CaptureManifest {
  return {
    v: 1,
    purpose: 'process',
    sha256: sha256Hex(bytes),
    challenge: { nonce: challenge.nonce, issuedAt: challenge.issuedAt },
    capturedAt: d.capturedAt,
    position: { lat: d.location.lat, lng: d.location.lng, accuracy: position.accuracy ?? 8, fixedAt: position.fixedAt ?? d.capturedAt },
    batchId,
    testerPersonId: d.testerPersonId,
    equipmentId: d.equipmentId,
    componentId: d.componentId,
    recordKeys: d.recordKeys,
    appVersion: 'test-1.0.0',
  };
}

/** The metadata of a signed process image: the declared fields and the `capture` envelope. */
export function signedMetadata(key: TestCaptureKey & { id: string }, d: ProcessDeclared, manifest: CaptureManifest, signature = signManifest(key, manifest)): object {
  return { ...d, capture: { manifest, keyId: key.id, alg: key.alg, signature } };
}
