import { IMAGE_REUSE_MAX_HAMMING } from '../../../kernel/policy.ts';
import { transformBetween, type Orientation, type ReuseHash } from './reuse-hash.ts';
import type { ImageFlag } from './flags.ts';

/**
 * The reuse finding of an image (issue 12 item 2) from the candidates the index returned, as a pure function: the same
 * bytes first, else the nearest hash pair within the threshold where at least one side is a whole picture (a window of
 * one against a window of the other is not evidence: two pictures of one site share parts). The earlier image is the
 * suspected original; of several, the nearest, then the whole-picture match, then the earliest.
 */

export interface ReuseCandidate {
  imageId: string;
  batchId: string;
  agencyId: string;
  uploadedAt: Date;
  /** Null for a same-bytes candidate found by SHA-256. */
  region: string | null;
  orientation: Orientation | null;
  hash: string | null;
  /** Which of the image's own hashes it matched (index into its hashes); null for a same-bytes candidate. */
  queryIndex: number | null;
  distance: number | null;
  sameBytes: boolean;
}

export interface ReuseFinding {
  flag: ImageFlag;
  /** The full evidence, kept in image_reuse_matches (the anomaly names no other agency's image). */
  match: {
    originalImageId: string;
    match: 'identical' | 'similar';
    transform: string;
    imageRegion: string | null;
    originalRegion: string | null;
    hammingDistance: number | null;
    maxDistance: number;
    imageHash: string | null;
    originalHash: string | null;
  };
}

export type OriginalPlace = 'same_batch' | 'same_agency' | 'other_agency';

export function placeOf(image: { batchId: string; agencyId: string }, original: { batchId: string; agencyId: string }): OriginalPlace {
  if (original.batchId === image.batchId) return 'same_batch';
  return original.agencyId === image.agencyId ? 'same_agency' : 'other_agency';
}

export function findReuse(
  image: { batchId: string; agencyId: string; hashes: readonly ReuseHash[] },
  candidates: readonly ReuseCandidate[],
  maxDistance: number = IMAGE_REUSE_MAX_HAMMING,
): ReuseFinding | null {
  const byAge = (a: ReuseCandidate, b: ReuseCandidate) => a.uploadedAt.getTime() - b.uploadedAt.getTime() || (a.imageId < b.imageId ? -1 : 1);
  const same = candidates.filter((c) => c.sameBytes).sort(byAge)[0];
  if (same) {
    const place = placeOf(image, same);
    return {
      flag: { kind: 'duplicate_image', details: { match: 'identical', transform: 'none', hammingDistance: 0, maxDistance, originalIn: place } },
      match: { originalImageId: same.imageId, match: 'identical', transform: 'none', imageRegion: null, originalRegion: null, hammingDistance: 0, maxDistance, imageHash: null, originalHash: null },
    };
  }
  let best: { c: ReuseCandidate; q: ReuseHash } | null = null;
  const whole = (c: ReuseCandidate, q: ReuseHash) => (c.region === 'whole' ? 1 : 0) + (q.region === 'whole' ? 1 : 0);
  for (const c of candidates) {
    if (c.sameBytes || c.distance === null || c.queryIndex === null || c.distance > maxDistance) continue;
    const q = image.hashes[c.queryIndex];
    if (!q || (q.region !== 'whole' && c.region !== 'whole')) continue;
    if (!best || c.distance < best.c.distance! || (c.distance === best.c.distance && (whole(c, q) > whole(best.c, best.q) || (whole(c, q) === whole(best.c, best.q) && byAge(c, best.c) < 0)))) {
      best = { c, q };
    }
  }
  if (!best) return null;
  const { c, q } = best;
  const transform = transformBetween(c.orientation ?? 'id', q.orientation);
  const crop = q.region !== 'whole' ? 'original_is_crop' : c.region !== 'whole' ? 'crop_of_original' : null;
  const place = placeOf(image, c);
  return {
    flag: {
      kind: 'duplicate_image',
      details: { match: 'similar', transform, crop, hammingDistance: c.distance, maxDistance, originalIn: place },
    },
    match: {
      originalImageId: c.imageId,
      match: 'similar',
      transform,
      imageRegion: q.region,
      originalRegion: c.region,
      hammingDistance: c.distance,
      maxDistance,
      imageHash: q.hash,
      originalHash: c.hash,
    },
  };
}
