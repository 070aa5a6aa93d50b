import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IMAGE_REUSE_MAX_HAMMING } from '../../../kernel/policy.ts';
import { thumbnailAndHash } from '../inspect.ts';
import { makeScene } from '../test-images.ts';
import { canonicalOrientations, hamming64, hashBits, lowDct, orient, transformBetween, type Orientation, type ReuseHash } from './reuse-hash.ts';
import { findReuse, type ReuseCandidate } from './reuse.ts';

const W = 1000;
const H = 750;

/** The hashes exactly as the worker computes them (one shrink-on-load decode). */
const hashesOf = async (b: Buffer) => thumbnailAndHash(b);

/** The original's hashes as the index would return them to the copy (every pair; the rule picks). */
function candidatesFrom(copy: readonly ReuseHash[], original: readonly ReuseHash[]): ReuseCandidate[] {
  return copy.flatMap((q, queryIndex) =>
    original.map((o) => ({
      imageId: 'original',
      batchId: 'b0',
      agencyId: 'a0',
      uploadedAt: new Date('2026-07-01T00:00:00Z'),
      region: o.region,
      orientation: o.orientation,
      hash: o.hash,
      queryIndex,
      distance: hamming64(q.hash, o.hash),
      sameBytes: false,
    })),
  );
}

const crop = (left: number, top: number) => (b: Buffer) =>
  sharp(b).extract({ left: Math.round(W * left), top: Math.round(H * top), width: W * 0.8, height: H * 0.8 }).jpeg({ quality: 90 }).toBuffer();

const TRANSFORMS: [string, (b: Buffer) => Promise<Buffer>, string, string | null][] = [
  ['crop 80 %, centred', crop(0.1, 0.1), 'none', 'crop_of_original'],
  ['crop 80 %, top left', crop(0, 0), 'none', 'crop_of_original'],
  ['crop 80 %, bottom right', crop(0.2, 0.2), 'none', 'crop_of_original'],
  ['mirror', (b) => sharp(b).flop().jpeg({ quality: 90 }).toBuffer(), 'mirror', null],
  ['upside down (flip)', (b) => sharp(b).flip().jpeg({ quality: 90 }).toBuffer(), 'flip', null],
  ['rotation 90°', (b) => sharp(b).rotate(90).jpeg({ quality: 90 }).toBuffer(), 'rotate90', null],
  ['rotation 180°', (b) => sharp(b).rotate(180).jpeg({ quality: 90 }).toBuffer(), 'rotate180', null],
  ['rotation 270°', (b) => sharp(b).rotate(270).jpeg({ quality: 90 }).toBuffer(), 'rotate270', null],
  ['50 % scale', (b) => sharp(b).resize(W / 2).jpeg({ quality: 90 }).toBuffer(), 'none', null],
  ['JPEG quality 60', (b) => sharp(b).jpeg({ quality: 60 }).toBuffer(), 'none', null],
  ['brightness +20 %', (b) => sharp(b).modulate({ brightness: 1.2 }).jpeg({ quality: 90 }).toBuffer(), 'none', null],
  ['crop 80 % + mirror + quality 60', async (b) => sharp(await crop(0.1, 0.1)(b)).flop().jpeg({ quality: 60 }).toBuffer(), 'mirror', 'crop_of_original'],
  ['PNG screenshot of it (lossless re-save)', (b) => sharp(b).png().toBuffer(), 'none', null],
];

describe('reuse hashes on real pictures (made with sharp)', () => {
  const originals = Promise.all([11, 12, 13].map((seed) => makeScene(seed, W, H)));

  it.each(TRANSFORMS)('%s is found as reuse of the original, both ways round', async (_name, transform, expectedTransform, expectedCrop) => {
    for (const original of await originals) {
      const o = (await hashesOf(original)).reuseHashes;
      const c = (await hashesOf(await transform(original))).reuseHashes;
      const later = findReuse({ batchId: 'b1', agencyId: 'a1', hashes: c }, candidatesFrom(c, o));
      expect(later?.flag.details).toMatchObject({ match: 'similar', transform: expectedTransform, crop: expectedCrop, originalIn: 'other_agency' });
      expect(later!.match.hammingDistance).toBeLessThanOrEqual(IMAGE_REUSE_MAX_HAMMING);
      // The copy uploaded first and the original second: still one finding (for a crop, the earlier one is the crop).
      const earlier = findReuse({ batchId: 'b1', agencyId: 'a1', hashes: o }, candidatesFrom(o, c));
      expect(earlier?.flag.details).toMatchObject({ match: 'similar', crop: expectedCrop === null ? null : 'original_is_crop' });
    }
  });

  it('matches none of a set of different site-like scenes, and says how near they came (false positives)', async () => {
    const scenes = await Promise.all(Array.from({ length: 40 }, (_, i) => makeScene(200 + i, W, H)));
    const hashes = await Promise.all(scenes.map(async (s) => (await hashesOf(s)).reuseHashes));
    let pairs = 0;
    let nearest = 64;
    let found = 0;
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        pairs++;
        const cands = candidatesFrom(hashes[j]!, hashes[i]!);
        for (const c of cands) if (hashes[j]![c.queryIndex!]!.region === 'whole' || c.region === 'whole') nearest = Math.min(nearest, c.distance!);
        if (findReuse({ batchId: 'b1', agencyId: 'a1', hashes: hashes[j]! }, cands)) found++;
      }
    }
    console.log(`reuse false positives: ${found} of ${pairs} pairs of different scenes; nearest pair at ${nearest} bits (threshold ${IMAGE_REUSE_MAX_HAMMING})`);
    expect(found).toBe(0);
    expect(nearest).toBeGreaterThan(IMAGE_REUSE_MAX_HAMMING + 2);
  });

  it('costs little CPU per image (printed)', async () => {
    const scene = await makeScene(7, 1600, 1200);
    await hashesOf(scene);
    let ms = 0;
    let n = 0;
    for (let i = 0; i < 20; i++) {
      const r = await hashesOf(scene);
      ms += r.hashMs;
      n = r.reuseHashes.length;
    }
    console.log(`reuse hashes: ${(ms / 20).toFixed(2)} ms of CPU per image (${n} hashes; after the worker's one shrink-on-load decode)`);
    expect(ms / 20).toBeLessThan(50);
  });
});

describe('canonical orientation', () => {
  const coefficients = () => {
    let s = 9;
    const c = new Float64Array(64);
    for (let i = 0; i < 64; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      c[i] = (s / 2 ** 32 - 0.5) * 100;
    }
    return c;
  };
  const ALL: Orientation[] = ['id', 'h', 'v', 'hv', 't', 'th', 'tv', 'thv'];

  it.each(ALL)('a region seen as %s gets the same canonical hash', (o) => {
    const c = coefficients();
    const canon = (x: Float64Array) => canonicalOrientations(x).map((k) => hashBits(orient(x, k)));
    expect(canon(orient(c, o))).toEqual(canon(c));
  });

  it('keeps both choices where one is too close to call', () => {
    const c = coefficients();
    c[1] = 0.001;
    expect(canonicalOrientations(c).length).toBeGreaterThanOrEqual(2);
  });

  it.each<[Orientation, Orientation, string]>([
    ['id', 'id', 'none'],
    ['id', 'h', 'mirror'],
    ['h', 'id', 'mirror'],
    ['id', 'v', 'flip'],
    ['id', 'hv', 'rotate180'],
    ['t', 't', 'none'],
  ])('transformBetween(%s, %s) = %s', (a, b, name) => expect(transformBetween(a, b)).toBe(name));

  it('lowDct of a flat block has only the DC term', () => {
    const c = lowDct(new Float64Array(1024).fill(100));
    expect(Math.abs(c[0]!)).toBeGreaterThan(1000);
    for (let i = 1; i < 64; i++) expect(Math.abs(c[i]!)).toBeLessThan(1e-6);
  });
});
