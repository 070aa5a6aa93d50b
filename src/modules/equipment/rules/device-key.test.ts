import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { devicePublicKeyObject, isSmallOrder, parseDevicePublicKey } from './device-key.ts';

const ed = generateKeyPairSync('ed25519');
const raw = Buffer.from(ed.publicKey.export({ format: 'jwk' }).x!, 'base64url');
const pem = ed.publicKey.export({ format: 'pem', type: 'spki' }).toString();
const der = ed.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
const fingerprint = createHash('sha256').update(raw).digest('hex');

const hex = (h: string) => Buffer.from(h, 'hex');
const bytes = (first: number, fill: number, last: number) => {
  const b = Buffer.alloc(32, fill);
  b[0] = first;
  b[31] = last;
  return b;
};

describe('Ed25519 device public keys', () => {
  it.each([
    ['base64 of the raw 32 bytes', raw.toString('base64')],
    ['PEM SubjectPublicKeyInfo', pem],
    ['base64 of the DER SubjectPublicKeyInfo', der],
    ['with surrounding whitespace', `\n  ${raw.toString('base64')}  \n`],
  ])('accepts %s and stores the raw key', (_label, input) => {
    expect(parseDevicePublicKey(input)).toEqual({ ok: true, raw: raw.toString('base64'), fingerprint });
  });

  it.each([
    ['an ECDSA P-256 key', generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'pem', type: 'spki' }).toString(), /Ed25519/],
    ['an RSA key', generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString(), /Ed25519/],
    ['a private key', ed.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), /不要提交私钥/],
    ['31 bytes', raw.subarray(0, 31).toString('base64'), /32 字节/],
    ['not base64', 'not a key!', /base64/],
    ['a truncated PEM', pem.slice(0, 60), /无法解析/],
  ])('refuses %s', (_label, input, message) => {
    const r = parseDevicePublicKey(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it.each([
    ['all zeros (order 4)', Buffer.alloc(32)],
    ['the identity (order 1)', bytes(1, 0, 0)],
    ['order 8', hex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05')],
    ['order 8, other sign', hex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a')],
    ['p-1 (order 2)', bytes(0xec, 0xff, 0x7f)],
  ])('refuses a small-order key: %s', (_label, key) => {
    expect(isSmallOrder(key)).toBe(true);
    const r = parseDevicePublicKey(key.toString('base64'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/弱密钥/);
  });

  it('a real key is not small-order, and the stored form verifies the device signature', () => {
    expect(isSmallOrder(raw)).toBe(false);
    const msg = Buffer.from('sha256:abc|2026-03-01T10:00:00+08:00');
    const sig = sign(null, msg, ed.privateKey);
    expect(verify(null, msg, devicePublicKeyObject(raw.toString('base64')), sig)).toBe(true);
    expect(verify(null, Buffer.from('tampered'), devicePublicKeyObject(raw.toString('base64')), sig)).toBe(false);
  });
});
