import { describe, expect, it } from 'vitest';
import { populationDigest, seededDraw, seededIntegers } from './random-draw.ts';

const population = Array.from({ length: 50 }, (_, i) => `batch-${String(i).padStart(3, '0')}`);

describe('seededDraw (随机抽查, 双随机)', () => {
  it('re-run with the same seed and population gives the same selection, whatever the population order', () => {
    const a = seededDraw(population, 5, '2026-11-24 南关区 第3次');
    const b = seededDraw([...population].reverse(), 5, '2026-11-24 南关区 第3次');
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(5);
    for (const x of a) expect(population).toContain(x);
  });

  it('a different seed gives a different selection', () => {
    expect(seededDraw(population, 5, 'seed-A')).not.toEqual(seededDraw(population, 5, 'seed-B'));
  });

  it('this seed and population always give this selection (a fixed vector, so an implementation change shows)', () => {
    expect(seededDraw(['a', 'b', 'c', 'd', 'e', 'f'], 3, 'qtrace')).toEqual(seededDraw(['f', 'e', 'd', 'c', 'b', 'a'], 3, 'qtrace'));
    expect(seededDraw(['a', 'b', 'c', 'd', 'e', 'f'], 3, 'qtrace')).toMatchInlineSnapshot(`
      [
        "b",
        "f",
        "d",
      ]
    `);
  });

  it.each([
    [0, 0],
    [3, 3],
    [60, 50],
  ])('asking for %i gives %i', (n, expected) => expect(seededDraw(population, n, 's')).toHaveLength(expected));

  it('refuses a draw without a seed', () => expect(() => seededDraw(population, 1, '')).toThrow());

  it('is roughly uniform', () => {
    const counts = new Array(6).fill(0);
    const gen = seededIntegers('uniformity', 6);
    for (let i = 0; i < 60_000; i++) counts[gen.next().value]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('digests the population independent of order and duplicates', () => {
    expect(populationDigest(['b', 'a', 'a'])).toBe(populationDigest(['a', 'b']));
  });
});
