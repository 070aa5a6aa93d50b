import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { componentIdFromBytes, formatComponentId, parseComponentId } from './component-id.ts';
import { descriptionKey, normaliseDescription } from './description.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('component IDs', () => {
  it('have the documented shape and read back as themselves', () => {
    for (let i = 0; i < 500; i++) {
      const id = componentIdFromBytes(randomBytes(7));
      expect(id).toMatch(/^QC[0-9A-HJKMNP-TV-Z]{11}$/);
      expect(parseComponentId(id)).toBe(id);
      expect(parseComponentId(formatComponentId(id))).toBe(id);
    }
  });

  it('maps the extreme byte values to distinct valid IDs', () => {
    const zero = componentIdFromBytes(new Uint8Array(7));
    const ones = componentIdFromBytes(new Uint8Array(7).fill(255));
    expect(zero).toBe('QC00000000000');
    expect(ones).toMatch(/^QCZZZZZZZZZZ.$/);
    expect(parseComponentId(ones)).toBe(ones);
  });

  it('catches every single mistyped character', () => {
    const id = componentIdFromBytes(randomBytes(7));
    for (let pos = 2; pos < id.length; pos++) {
      for (const c of ALPHABET) {
        if (c === id[pos]) continue;
        expect(parseComponentId(id.slice(0, pos) + c + id.slice(pos + 1))).toBeNull();
      }
    }
  });

  it('catches swapped neighbours in all but rare cases', () => {
    let swaps = 0;
    let caught = 0;
    for (let n = 0; n < 200; n++) {
      const id = componentIdFromBytes(randomBytes(7));
      for (let pos = 2; pos < id.length - 1; pos++) {
        if (id[pos] === id[pos + 1]) continue;
        swaps++;
        if (parseComponentId(id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2)) === null) caught++;
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.95);
  });

  it.each<[string, string | null]>([
    ['qc 7k3m 9p2x', null],
    ['QC7K3M', null],
    ['XX' + '0'.repeat(11), null],
    ['QC0000000000U', null],
  ])('refuses %s', (input, expected) => {
    expect(parseComponentId(input)).toBe(expected);
  });

  it('accepts what a person types: lower case, groups, hyphens, and O/I/L for 0/1/1', () => {
    const id = componentIdFromBytes(Uint8Array.from([1, 2, 3, 4, 5, 6, 7]));
    const typed = formatComponentId(id).toLowerCase().replace(/ /g, '-');
    expect(parseComponentId(typed)).toBe(id);
    const withZero = componentIdFromBytes(new Uint8Array(7));
    expect(parseComponentId(withZero.replace(/0/g, 'O'))).toBe(withZero);
    expect(formatComponentId('QC7K3M9P2XQ48')).toBe('QC 7K3M 9P2X Q48');
  });
});

describe('component descriptions', () => {
  it.each([
    ['３＃楼', '3#楼'],
    ['  A轴  交  ３轴 ', 'A轴 交 3轴'],
    ['K0+120～K0+180', 'K0+120~K0+180'],
    ['地下一层', '地下一层'],
  ])('%s is stored as %s', (raw, stored) => {
    expect(normaliseDescription(raw)).toBe(stored);
  });

  it('keys a missing floor like an empty one, and nothing else alike', () => {
    const base = { building: '3#楼', floor: null, position: 'A轴', componentType: '柱' };
    expect(descriptionKey(base)).toBe(descriptionKey({ ...base, floor: '' }));
    expect(descriptionKey(base)).not.toBe(descriptionKey({ ...base, position: 'B轴' }));
  });
});
