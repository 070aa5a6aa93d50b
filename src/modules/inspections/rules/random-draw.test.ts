import { describe, expect, it } from 'vitest';
import { populationDigest, runDraw, seededDraw, seededIntegers } from './random-draw.ts';

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

describe('runDraw (batches and inspectors from one seed)', () => {
  const pool = ['u-1', 'u-2', 'u-3', 'u-4'];
  it('draws the sample and the inspectors reproducibly, each from its own stream', () => {
    const a = runDraw({ population, sampleSize: 4, inspectorPool: pool, inspectorCount: 2, seed: 'abc' });
    const b = runDraw({ population: [...population].reverse(), sampleSize: 4, inspectorPool: [...pool].reverse(), inspectorCount: 2, seed: 'abc' });
    expect(a).toEqual(b);
    expect(a.selection).toEqual(seededDraw(population, 4, 'abc'));
    expect(a.inspectors).toHaveLength(2);
    expect(a.inspectors).toEqual(seededDraw(pool, 2, 'abc\u0000inspectors'));
  });
  it('an empty population draws nothing; no inspectors asked, none drawn', () => {
    expect(runDraw({ population: [], sampleSize: 3, inspectorPool: pool, inspectorCount: 0, seed: 's' })).toEqual({ selection: [], inspectors: [] });
  });
});
