import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { maskResidentId, normaliseResidentId } from '../../registry/index.ts';

/**
 * How a 身份证号 is kept (issue 3 item 4: "not stored in clear; a database dump must not expose it"):
 * - `lookup`: HMAC-SHA256 under a key derived from the PII key, so "is this person registered?" is an index lookup
 *   without the number; a dump without the key cannot be brute-forced over the ~10^10 plausible numbers.
 * - `sealed`: AES-256-GCM under a second derived key, for the audited reveal; the AAD binds the ciphertext to its
 *   lookup value, so a sealed number copied onto another person's row does not open.
 * - `masked`: the display form (maskResidentId), safe to store and show.
 * - `keyId`: identifies the PII key (not secret), so a process holding a different key notices before mixing keys.
 * Two keys are derived with HKDF rather than using one key for two algorithms.
 */
export interface ProtectedResidentId {
  lookup: string;
  sealed: string;
  masked: string;
  keyId: string;
}

const SEALED_VERSION = 'v1';

export class PiiCodec {
  readonly keyId: string;
  readonly #macKey: Buffer;
  readonly #encKey: Buffer;

  constructor(master: Buffer) {
    if (master.length !== 32) throw new RangeError('the PII key must be 32 bytes');
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, 'qtrace-pii', info, 32));
    this.#macKey = derive('resident-id-lookup-v1');
    this.#encKey = derive('resident-id-seal-v1');
    this.keyId = createHmac('sha256', derive('key-id-v1')).update('qtrace').digest('hex').slice(0, 16);
  }

  lookup(residentId: string): string {
    return createHmac('sha256', this.#macKey).update(normaliseResidentId(residentId)).digest('hex');
  }

  protect(residentId: string): ProtectedResidentId {
    const code = normaliseResidentId(residentId);
    const lookup = this.lookup(code);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#encKey, iv);
    cipher.setAAD(Buffer.from(lookup, 'hex'));
    const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
    const sealed = `${SEALED_VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    return { lookup, sealed, masked: maskResidentId(code), keyId: this.keyId };
  }

  /** Opens a sealed number; throws if it was altered, moved to another row, or sealed under another key. */
  reveal(sealed: string, lookup: string): string {
    const [version, b64] = sealed.split(':');
    if (version !== SEALED_VERSION || !b64) throw new Error('unknown sealed format');
    const raw = Buffer.from(b64, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.#encKey, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(lookup, 'hex'));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
