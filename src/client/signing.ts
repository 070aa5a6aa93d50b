import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../kernel/crypto/canonical-json.ts';
import { recordContentSha256, signingPayload, type RecordContent, type SignedFields } from '../modules/records/index.ts';

/**
 * What an auto-collecting instrument signs (docs/integration-api.md §4.3 and §5.1): Ed25519 over the UTF-8 bytes of
 * the RFC 8785 canonical JSON of the record's or image's declared fields. The canonicalisation and the record payload
 * are the platform's own pure code, so the client signs exactly what the server verifies.
 */
export { canonicalJson, recordContentSha256, type RecordContent };

/** A device key pair: the private key stays on the instrument, the public key is registered on the platform. */
export interface DeviceKeyPair {
  privateKey: KeyObject;
  /** PKCS#8 PEM, to keep in the instrument's (or the simulator's) protected storage. */
  privateKeyPem: string;
  /** The raw 32-byte public key, base64: what `POST /equipment/{id}/keys` takes. */
  publicKeyBase64: string;
}

export function generateDeviceKey(): DeviceKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return deviceKeyFrom(privateKey, publicKey);
}

/** The key pair of a PKCS#8 PEM private key (as written by `generateDeviceKey`). */
export function loadDeviceKey(privateKeyPem: string): DeviceKeyPair {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 private key');
  return deviceKeyFrom(privateKey, null);
}

function deviceKeyFrom(privateKey: KeyObject, publicKey: KeyObject | null): DeviceKeyPair {
  const der = (publicKey ?? createPublicKey(privateKey)).export({ format: 'der', type: 'spki' });
  return {
    privateKey,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyBase64: der.subarray(der.length - 32).toString('base64'),
  };
}

/** Ed25519 signature (base64) of the UTF-8 bytes of `payload`. */
export function signPayload(privateKey: KeyObject, payload: string): string {
  return sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64');
}

/** The string a device signs for a raw record (every value exactly as it is sent). */
export function recordSigningPayload(batchId: string, record: SignedFields): string {
  return signingPayload(batchId, record);
}

/** What a process image declares in `X-QTrace-Metadata` (docs/integration-api.md §5.1). */
export interface ImageMetadata {
  capturedAt: string;
  location: { lat: number; lng: number };
  testerPersonId: string;
  equipmentId: string;
  componentId: string;
  recordKeys: string[];
  signature?: { alg: 'Ed25519'; value: string; keyId?: string };
}

/** The string a device signs for an image: its declared fields and the SHA-256 of its bytes. */
export function imageSigningPayload(batchId: string, sha256: string, m: ImageMetadata): string {
  return canonicalJson({
    batchId,
    sha256,
    capturedAt: m.capturedAt,
    location: m.location,
    testerPersonId: m.testerPersonId,
    equipmentId: m.equipmentId,
    componentId: m.componentId,
    recordKeys: m.recordKeys,
  });
}

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
