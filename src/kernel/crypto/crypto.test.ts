import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { parseEd25519PublicKey, rawPublicKeyBase64, verifyEd25519 } from './ed25519.ts';

describe('canonicalJson (RFC 8785)', () => {
  it.each([
    ['sorts keys and drops whitespace', { b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    ['nested objects', { z: { y: 2, x: 1 } }, '{"z":{"x":1,"y":2}}'],
    ['numbers as ECMAScript prints them', [1e21, 0.1, -0, 1.5e-7, 100], '[1e+21,0.1,0,1.5e-7,100]'],
    ['strings escaped as JSON.stringify', { s: '回弹值\n"q"\u2028' }, '{"s":"回弹值\\n\\"q\\"\u2028"}'],
    // RFC 8785 §3.2.3: keys compare by UTF-16 code units, so "\u20ac" (€) sorts before "\ud83d\ude00" (😀) and after "z".
    ['UTF-16 key order', { '😀': 1, '€': 2, z: 3 }, '{"z":3,"€":2,"😀":1}'],
    ['undefined members are omitted', { a: undefined, b: 1 }, '{"b":1}'],
  ])('%s', (_l, value, expected) => expect(canonicalJson(value)).toBe(expected));

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => canonicalJson({ x: () => 1 })).toThrow();
  });
});

describe('Ed25519', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const raw = rawPublicKeyBase64(publicKey);
  const message = canonicalJson({ item: 'rebound', values: [32, 33.5] });
  const signature = sign(null, Buffer.from(message), privateKey).toString('base64');

  it('accepts a key as PEM or raw base64, and both verify the same signature', () => {
    for (const form of [pem, raw, raw.replace(/\+/g, '-').replace(/\//g, '_')]) {
      const key = parseEd25519PublicKey(form);
      expect(key).not.toBeNull();
      expect(verifyEd25519(key!, message, signature)).toBe(true);
    }
  });

  it('refuses a changed message, a changed signature, and another key', () => {
    const key = parseEd25519PublicKey(raw)!;
    expect(verifyEd25519(key, message.replace('33.5', '35.5'), signature)).toBe(false);
    const bad = Buffer.from(signature, 'base64');
    bad[0] = bad[0]! ^ 1;
    expect(verifyEd25519(key, message, bad.toString('base64'))).toBe(false);
    expect(verifyEd25519(key, message, 'not-a-signature')).toBe(false);
    const other = parseEd25519PublicKey(rawPublicKeyBase64(generateKeyPairSync('ed25519').publicKey))!;
    expect(verifyEd25519(other, message, signature)).toBe(false);
  });

  it.each([['', null], ['abc', null], [Buffer.alloc(31).toString('base64'), null]])('refuses %j as a key', (text) => {
    expect(parseEd25519PublicKey(text)).toBeNull();
  });

  it('refuses a non-Ed25519 PEM key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(parseEd25519PublicKey(rsa)).toBeNull();
  });
});
