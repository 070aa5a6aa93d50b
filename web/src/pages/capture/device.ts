import { canonicalJson } from '../../../../src/kernel/crypto/canonical-json.ts';
import type { CaptureManifest } from '../../../../src/modules/capture/manifest.ts';
import { captureDb, type DeviceKey } from './store.ts';

/**
 * The phone's capture key (docs/decisions.md "Field capture on the phone"): a WebCrypto key pair whose private half
 * is not extractable — script on the page can sign with it but never read it, and it never leaves this browser.
 * Ed25519 where the browser has it (Chromium 137+, Firefox 129+, Safari 17+), ECDSA P-256 otherwise; the platform
 * verifies both (src/modules/capture/manifest.ts).
 */

const toBase64 = (bytes: ArrayBuffer | Uint8Array): string => {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let bin = '';
  b.forEach((x) => (bin += String.fromCharCode(x)));
  return btoa(bin);
};
export const toBase64Url = (bytes: ArrayBuffer | Uint8Array): string => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export const hex = (buf: ArrayBuffer): string => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** Lower-case hex SHA-256 of the exact bytes. */
export async function sha256Hex(blob: Blob): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
}

/** Makes a new non-extractable key pair: Ed25519 if this browser's WebCrypto has it, else ECDSA P-256. */
export async function generateDeviceKey(): Promise<{ alg: DeviceKey['alg']; privateKey: CryptoKey; spki: string }> {
  let pair: CryptoKeyPair;
  let alg: DeviceKey['alg'];
  try {
    pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    alg = 'Ed25519';
  } catch {
    // NotSupportedError (older Android WebViews, Safari ≤ 16, X5/UC kernels): P-256 is in every WebCrypto.
    pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    alg = 'ES256';
  }
  // The public half of a generated pair is always exportable, whatever `extractable` says (it is the private one's).
  const spki = toBase64(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { alg, privateKey: pair.privateKey, spki };
}

/** The signature over the manifest's RFC 8785 bytes, base64url; ES256 comes out of WebCrypto as IEEE P1363 r‖s. */
export async function signManifest(key: Pick<DeviceKey, 'alg' | 'privateKey'>, manifest: CaptureManifest): Promise<string> {
  const data = new TextEncoder().encode(canonicalJson(manifest));
  const params = key.alg === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
  return toBase64Url(await crypto.subtle.sign(params, key.privateKey, data));
}

export async function loadDeviceKey(userId: string): Promise<DeviceKey | null> {
  return (await (await captureDb()).get('keys', userId)) ?? null;
}

export async function saveDeviceKey(key: DeviceKey): Promise<void> {
  await (await captureDb()).put('keys', key);
}

export async function forgetDeviceKey(userId: string): Promise<void> {
  await (await captureDb()).delete('keys', userId);
}

/** A short device name to suggest: the person and the kind of device the browser says it is. */
export function suggestedLabel(name: string): string {
  const ua = navigator.userAgent;
  const kind = /iPhone|iPad/.test(ua) ? 'iPhone' : /Android/.test(ua) ? '安卓手机' : '设备';
  return `${name}的${kind}`;
}

/** The app version a manifest names (the console's capture page, manifest v1). */
export const CAPTURE_APP_VERSION = 'qtrace-web-1.0.0';
