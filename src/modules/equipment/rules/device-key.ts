import { createHash, createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * Ed25519 device public keys (signed capture, DESIGN.md §4). Accepted as base64 of the raw 32-byte key, base64 of
 * the DER SubjectPublicKeyInfo, or PEM (`-----BEGIN PUBLIC KEY-----`). Stored as base64 of the raw 32 bytes.
 */
export type DeviceKeyResult = { ok: true; raw: string; fingerprint: string } | { ok: false; message: string };

const fail = (message: string): DeviceKeyResult => ({ ok: false, message });

const P = 2n ** 255n - 19n;

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let r = 1n;
  let b = base % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % mod;
    b = (b * b) % mod;
  }
  return r;
}

/** Little-endian 32 bytes to an integer, without the sign bit of x. */
function readY(raw: Buffer): bigint {
  let y = 0n;
  for (let i = 31; i >= 0; i--) y = (y << 8n) | BigInt(i === 31 ? raw[i]! & 0x7f : raw[i]!);
  return y % P;
}

/** One throw-away X25519 key, used only to probe public keys for small order. */
let probe: KeyObject | undefined;

/**
 * A key of small order (the identity, or a point of order 2, 4 or 8) makes signatures meaningless: some verify for
 * many messages, so a device holding one proves nothing. We map the Edwards y to its Montgomery u = (1+y)/(1-y) and
 * let X25519 multiply by a clamped (cofactor-cleared) scalar: OpenSSL refuses an all-zero result, which is exactly a
 * small-order point.
 */
export function isSmallOrder(raw: Buffer): boolean {
  const y = readY(raw);
  if (y === 1n) return true; // the identity
  const u = ((1n + y) * modPow((1n - y + P) % P, P - 2n, P)) % P;
  const bytes = Buffer.alloc(32);
  let v = u;
  for (let i = 0; i < 32; i++) {
    bytes[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  probe ??= generateKeyPairSync('x25519').privateKey;
  try {
    diffieHellman({ privateKey: probe, publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: bytes.toString('base64url') }, format: 'jwk' }) });
    return false;
  } catch {
    return true;
  }
}

function fromKeyObject(key: KeyObject): DeviceKeyResult {
  if (key.asymmetricKeyType !== 'ed25519') return fail(`设备公钥应为 Ed25519 公钥，收到的是 ${key.asymmetricKeyType ?? '未知'} 类型`);
  const x = key.export({ format: 'jwk' }).x;
  if (!x) return fail('设备公钥无法解析');
  const raw = Buffer.from(x, 'base64url');
  if (isSmallOrder(raw)) return fail('设备公钥为弱密钥（小阶点），请在设备上重新生成密钥对');
  return { ok: true, raw: raw.toString('base64'), fingerprint: createHash('sha256').update(raw).digest('hex') };
}

export function parseDevicePublicKey(input: string): DeviceKeyResult {
  const text = input.trim();
  try {
    if (text.startsWith('-----BEGIN')) {
      if (!text.startsWith('-----BEGIN PUBLIC KEY-----')) return fail('请提供公钥（PUBLIC KEY），不要提交私钥或证书');
      return fromKeyObject(createPublicKey({ key: text, format: 'pem' }));
    }
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return fail('设备公钥应为 base64 编码的 32 字节 Ed25519 公钥，或 PEM 格式的公钥');
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length === 32) {
      return fromKeyObject(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: bytes.toString('base64url') }, format: 'jwk' }));
    }
    if (bytes.length > 32 && bytes[0] === 0x30) return fromKeyObject(createPublicKey({ key: bytes, format: 'der', type: 'spki' }));
    return fail(`设备公钥长度不正确：Ed25519 公钥为 32 字节，收到 ${bytes.length} 字节`);
  } catch {
    return fail('设备公钥无法解析，请检查格式');
  }
}

/** The stored raw key (base64) as a KeyObject, for verifying signatures with `crypto.verify(null, …)`. */
export function devicePublicKeyObject(rawBase64: string): KeyObject {
  let key = keyObjects.get(rawBase64);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(rawBase64, 'base64').toString('base64url') }, format: 'jwk' });
    if (keyObjects.size >= KEY_OBJECT_CACHE_MAX) keyObjects.delete(keyObjects.keys().next().value!);
    keyObjects.set(rawBase64, key);
  }
  return key;
}

/** Every record and image of an instrument is verified with the same few keys: each is parsed once (a key is its bytes). */
const keyObjects = new Map<string, KeyObject>();
const KEY_OBJECT_CACHE_MAX = 1000;
