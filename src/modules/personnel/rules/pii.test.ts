import { describe, expect, it } from 'vitest';
import { makeValidResidentId } from '../../registry/index.ts';
import { PiiCodec } from './pii.ts';

const codec = new PiiCodec(Buffer.alloc(32, 1));
const id = makeValidResidentId(123, '19850615');

describe('protecting a 身份证号', () => {
  it('stores nothing that contains the number, and reveals it with the key', () => {
    const p = codec.protect(id);
    for (const v of [p.lookup, p.sealed, p.masked, p.keyId]) {
      expect(v).not.toContain(id);
      expect(v).not.toContain(id.slice(6, 14)); // not even the birth date
    }
    expect(p.masked).toBe(`${id.slice(0, 3)}***********${id.slice(14)}`);
    expect(codec.reveal(p.sealed, p.lookup)).toBe(id);
  });

  it('the lookup is stable (for uniqueness) and ignores case and spaces; the ciphertext is not', () => {
    const x = makeValidResidentId(7, '19700101', '220104').slice(0, 17) + 'X';
    expect(codec.lookup(` ${x.toLowerCase()} `)).toBe(codec.lookup(x));
    expect(codec.protect(id).lookup).toBe(codec.protect(id).lookup);
    expect(codec.protect(id).sealed).not.toBe(codec.protect(id).sealed);
  });

  it('another key gives another lookup and another key id, and cannot open the ciphertext', () => {
    const other = new PiiCodec(Buffer.alloc(32, 2));
    const p = codec.protect(id);
    expect(other.lookup(id)).not.toBe(p.lookup);
    expect(other.keyId).not.toBe(codec.keyId);
    expect(() => other.reveal(p.sealed, p.lookup)).toThrow();
  });

  it('a ciphertext moved to another person or altered does not open', () => {
    const p = codec.protect(id);
    const q = codec.protect(makeValidResidentId(124, '19850615'));
    expect(() => codec.reveal(p.sealed, q.lookup)).toThrow();
    const bytes = Buffer.from(p.sealed.slice(3), 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => codec.reveal(`v1:${bytes.toString('base64')}`, p.lookup)).toThrow();
  });

  it('refuses a key of the wrong length', () => {
    expect(() => new PiiCodec(Buffer.alloc(16))).toThrow(RangeError);
  });
});
