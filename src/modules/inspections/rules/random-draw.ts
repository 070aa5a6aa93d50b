import { createHash } from 'node:crypto';

/**
 * 随机抽查 (双随机): a draw anyone can re-run. The seed is fixed and published before the draw; the population is
 * sorted by id so that its order in the database does not matter; the randomness is SHA-256 in counter mode over
 * the seed, so the same seed and population give the same selection on any machine, forever.
 */

/** A deterministic stream of uniform integers in [0, bound), without modulo bias. */
export function* seededIntegers(seed: string, bound: number): Generator<number, never> {
  if (!Number.isInteger(bound) || bound <= 0 || bound > 2 ** 32) throw new RangeError(`bound out of range: ${bound}`);
  // Reject values in the last partial copy of [0, bound) within 2^32, so every value is equally likely.
  const limit = 2 ** 32 - (2 ** 32 % bound);
  let counter = 0;
  for (;;) {
    const block = createHash('sha256').update(`${seed}\u0000${counter++}`).digest();
    for (let i = 0; i + 4 <= block.length; i += 4) {
      const x = block.readUInt32BE(i);
      if (x < limit) yield x % bound;
    }
  }
}

/**
 * Draws `n` distinct members of `population` (ids). Returns them in draw order. Fisher–Yates over the sorted ids,
 * consuming one seeded integer per position.
 */
export function seededDraw(population: readonly string[], n: number, seed: string): string[] {
  if (!seed) throw new RangeError('a draw needs a published seed');
  const pool = [...new Set(population)].sort();
  const k = Math.min(Math.max(0, Math.floor(n)), pool.length);
  const out: string[] = [];
  for (let i = 0; i < k; i++) {
    const remaining = pool.length - i;
    const r = seededIntegers(`${seed}\u0000pos${i}`, remaining).next().value;
    const j = i + r;
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    out.push(pool[i]!);
  }
  return out;
}

/** A commitment to the population, published with the seed so a re-run can show it drew from the same set. */
export function populationDigest(population: readonly string[]): string {
  return createHash('sha256').update([...new Set(population)].sort().join('\n')).digest('hex');
}

export interface DrawInput {
  population: readonly string[];
  sampleSize: number;
  inspectorPool: readonly string[];
  inspectorCount: number;
  seed: string;
}

/**
 * 双随机: the sample from the population and the inspectors from the pool, both from the one published seed (the
 * inspectors' stream is the seed with a fixed suffix, so the two draws are independent of each other).
 */
export function runDraw(d: DrawInput): { selection: string[]; inspectors: string[] } {
  return {
    selection: seededDraw(d.population, d.sampleSize, d.seed),
    inspectors: seededDraw(d.inspectorPool, d.inspectorCount, `${d.seed}\u0000inspectors`),
  };
}
