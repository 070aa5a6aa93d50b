import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * Device and capture-app keys are Ed25519 (RFC 8032). Accepted forms of a public key: PEM (SPKI), or the raw 32-byte
 * key in base64/base64url. Returns null for anything that is not an Ed25519 public key.
 */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function parseEd25519PublicKey(text: string): KeyObject | null {
  const t = text.trim();
  try {
    if (t.startsWith('-----BEGIN')) {
      const key = createPublicKey(t);
      return key.asymmetricKeyType === 'ed25519' ? key : null;
    }
    const raw = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (raw.length !== 32) return null;
    return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/** The raw 32 bytes, base64: the one form we store, whatever form was registered. */
export function rawPublicKeyBase64(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32).toString('base64');
}

/** Verifies an Ed25519 signature (base64 or base64url, 64 bytes) over `message`. Never throws. */
export function verifyEd25519(key: KeyObject, message: Buffer | string, signatureB64: string): boolean {
  try {
    const sig = Buffer.from(signatureB64.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (sig.length !== 64) return false;
    return verify(null, typeof message === 'string' ? Buffer.from(message, 'utf8') : message, key, sig);
  } catch {
    return false;
  }
}
