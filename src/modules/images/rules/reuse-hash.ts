import {
  IMAGE_REUSE_CANONICAL_AMBIGUITY,
  IMAGE_REUSE_WINDOW_OFFSETS,
  IMAGE_REUSE_WINDOW_SCALE,
} from '../../../kernel/policy.ts';

/**
 * Perceptual hashes for finding a picture used again (issue 12 item 2), as pure functions over the greyscale pixels
 * of the one downscaled decode the image worker already does (no second decode).
 *
 * - A 64-bit DCT hash (pHash): the region is area-averaged to 32×32, its 2-D DCT-II taken, and the 8×8 lowest
 *   frequencies without the DC term (63 coefficients) each compared with their median (bit 63 is always 0). The DC
 *   term is left out and the threshold is the median, so a brightness or contrast change moves no bit (unless it
 *   clips); recompression and scaling barely touch the lowest frequencies.
 * - Mirrors and 90° rotations: mirroring a picture left–right multiplies the coefficient (u, v) by (−1)^u, top–bottom
 *   by (−1)^v, and a transpose swaps u and v; the eight rotations/mirrors are compositions of these. Each hash is taken
 *   in a canonical orientation chosen from the coefficients themselves (c(1,0) ≥ 0, c(0,1) ≥ 0, |c(1,0)| ≥ |c(0,1)|),
 *   so a mirrored or rotated copy gets the same hash as its original. Where a choice is too close to call (the two
 *   values within IMAGE_REUSE_CANONICAL_AMBIGUITY of the region's AC energy), both choices are kept, so noise cannot
 *   tip the copy one way and the original the other.
 * - Crops: the same hash of sub-windows (IMAGE_REUSE_WINDOW_SCALE of each side, at a grid of offsets). A crop
 *   uploaded after its original matches one of the original's windows with its whole-picture hash; an original
 *   uploaded after its crop matches the crop's whole-picture hash with one of its windows.
 */

/** One hash of a picture: of the whole picture, or of a window (its grid position), in canonical orientation. */
export interface ReuseHash {
  /** 'whole' or 'w<col><row>' (the window's grid position). */
  region: string;
  /** 16 hex characters. */
  hash: string;
  /** The orientation the region was brought to: one of DIHEDRAL (which the copy's differed from is the transform). */
  orientation: Orientation;
}

/**
 * The eight rotations and mirrors, named by what brings the region into canonical orientation: `t` transpose, `h` a
 * left–right mirror, `v` a top–bottom mirror, applied in that order.
 */
export type Orientation = 'id' | 'h' | 'v' | 'hv' | 't' | 'th' | 'tv' | 'thv';

/** A greyscale picture: one byte per pixel, row by row. */
export interface GreyPixels {
  data: Uint8Array;
  width: number;
  height: number;
}

const N = 32;
const K = 8;

/** cos((2x+1)uπ/2N) for u < K, x < N: the only DCT rows the hash needs. */
const COS = (() => {
  const t = new Float64Array(K * N);
  for (let u = 0; u < K; u++) for (let x = 0; x < N; x++) t[u * N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N));
  return t;
})();

/** Summed-area table of `g`: (width+1)×(height+1), so that any rectangle's sum costs four reads. */
export function integralImage(g: GreyPixels): Float64Array {
  const w1 = g.width + 1;
  const s = new Float64Array(w1 * (g.height + 1));
  for (let y = 0; y < g.height; y++) {
    let row = 0;
    for (let x = 0; x < g.width; x++) {
      row += g.data[y * g.width + x]!;
      s[(y + 1) * w1 + x + 1] = s[y * w1 + x + 1]! + row;
    }
  }
  return s;
}

/**
 * The region [x0, x0+w) × [y0, y0+h) of `g` (pixel units, rounded to whole pixels) averaged into 32×32 cells, from its
 * summed-area table.
 */
export function areaResample(g: GreyPixels, sat: Float64Array, x0: number, y0: number, w: number, h: number): Float64Array {
  const out = new Float64Array(N * N);
  const xs = new Int32Array(N + 1);
  const ys = new Int32Array(N + 1);
  for (let i = 0; i <= N; i++) {
    xs[i] = Math.min(g.width, Math.max(0, Math.round(x0 + (w * i) / N)));
    ys[i] = Math.min(g.height, Math.max(0, Math.round(y0 + (h * i) / N)));
  }
  const w1 = g.width + 1;
  for (let cy = 0; cy < N; cy++) {
    const ya = Math.min(ys[cy]!, g.height - 1);
    const yb = Math.max(ys[cy + 1]!, ya + 1);
    for (let cx = 0; cx < N; cx++) {
      const xa = Math.min(xs[cx]!, g.width - 1);
      const xb = Math.max(xs[cx + 1]!, xa + 1);
      const sum = sat[yb * w1 + xb]! - sat[ya * w1 + xb]! - sat[yb * w1 + xa]! + sat[ya * w1 + xa]!;
      out[cy * N + cx] = sum / ((xb - xa) * (yb - ya));
    }
  }
  return out;
}

/** The 8×8 lowest DCT-II coefficients of a 32×32 block: c[v*8+u], u horizontal and v vertical frequency. */
export function lowDct(block: Float64Array): Float64Array {
  // Rows first: r[y][u] = Σx block[y][x]·cos_u(x); then columns: c[v][u] = Σy cos_v(y)·r[y][u].
  const r = new Float64Array(N * K);
  for (let y = 0; y < N; y++) {
    for (let u = 0; u < K; u++) {
      let s = 0;
      for (let x = 0; x < N; x++) s += block[y * N + x]! * COS[u * N + x]!;
      r[y * K + u] = s;
    }
  }
  const c = new Float64Array(K * K);
  for (let v = 0; v < K; v++) {
    for (let u = 0; u < K; u++) {
      let s = 0;
      for (let y = 0; y < N; y++) s += COS[v * N + y]! * r[y * K + u]!;
      c[v * K + u] = s;
    }
  }
  return c;
}

/** The coefficients of the region after `o` (transpose, then mirrors), from the coefficients of the region. */
export function orient(c: Float64Array, o: Orientation): Float64Array {
  const t = o.startsWith('t');
  const h = o.includes('h');
  const v = o.includes('v');
  const out = new Float64Array(K * K);
  for (let vv = 0; vv < K; vv++) {
    for (let uu = 0; uu < K; uu++) {
      const src = t ? c[uu * K + vv]! : c[vv * K + uu]!;
      const sign = (h && uu % 2 === 1 ? -1 : 1) * (v && vv % 2 === 1 ? -1 : 1);
      out[vv * K + uu] = sign * src;
    }
  }
  return out;
}

/** 63 AC coefficients against their median, as 16 hex characters (most significant bit first; the top bit is 0). */
export function hashBits(c: Float64Array): string {
  const ac = Array.from(c.subarray(1));
  const sorted = [...ac].sort((a, b) => a - b);
  const median = sorted[31]!;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 63; i++) {
    const bit = ac[i]! > median ? 1 : 0;
    // Bit 62 − i of the 64-bit value: coefficient 1 is bit 62, coefficient 63 is bit 0.
    const pos = 62 - i;
    if (pos >= 32) hi |= bit << (pos - 32);
    else lo |= bit << pos;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/**
 * The canonical orientations of a region: those where c(1,0) ≥ 0, c(0,1) ≥ 0 and |c(1,0)| ≥ |c(0,1)|; every choice
 * closer than the ambiguity margin is kept both ways (at most all eight, for a featureless region).
 */
export function canonicalOrientations(c: Float64Array, ambiguity: number = IMAGE_REUSE_CANONICAL_AMBIGUITY): Orientation[] {
  let energy = 0;
  for (let i = 1; i < K * K; i++) energy += c[i]! * c[i]!;
  const margin = ambiguity * Math.sqrt(energy);
  const c10 = c[1]!;
  const c01 = c[K]!;
  // Transpose first: afterwards the horizontal first-order term is the larger one.
  const ts = Math.abs(Math.abs(c10) - Math.abs(c01)) <= margin ? [false, true] : [Math.abs(c01) > Math.abs(c10)];
  const out: Orientation[] = [];
  for (const t of ts) {
    const a = t ? c01 : c10; // horizontal first-order term after the transpose
    const b = t ? c10 : c01; // vertical
    const hs = Math.abs(a) <= margin ? [false, true] : [a < 0];
    const vs = Math.abs(b) <= margin ? [false, true] : [b < 0];
    for (const h of hs) for (const v of vs) out.push(((`${t ? 't' : ''}${h ? 'h' : ''}${v ? 'v' : ''}` || 'id') as Orientation));
  }
  return out;
}

/** The region's hashes, one per canonical orientation (usually one). */
export function regionHashes(g: GreyPixels, sat: Float64Array, region: string, x0: number, y0: number, w: number, h: number): ReuseHash[] {
  const c = lowDct(areaResample(g, sat, x0, y0, w, h));
  const seen = new Set<string>();
  const out: ReuseHash[] = [];
  for (const o of canonicalOrientations(c)) {
    const hash = hashBits(orient(c, o));
    if (seen.has(hash)) continue;
    seen.add(hash);
    out.push({ region, hash, orientation: o });
  }
  return out;
}

/** Every hash of a picture: the whole picture, then each window of the grid. */
export function reuseHashes(g: GreyPixels): ReuseHash[] {
  const sat = integralImage(g);
  const out = regionHashes(g, sat, 'whole', 0, 0, g.width, g.height);
  const w = g.width * IMAGE_REUSE_WINDOW_SCALE;
  const h = g.height * IMAGE_REUSE_WINDOW_SCALE;
  IMAGE_REUSE_WINDOW_OFFSETS.forEach((fy, row) => {
    IMAGE_REUSE_WINDOW_OFFSETS.forEach((fx, col) => {
      out.push(...regionHashes(g, sat, `w${col}${row}`, fx * g.width, fy * g.height, w, h));
    });
  });
  return out;
}

/** Greyscale (ITU-R BT.601 luma) from interleaved pixels with 1–4 channels (grey, grey+alpha, RGB, RGBA). */
export function toGrey(data: Uint8Array, width: number, height: number, channels: number): GreyPixels {
  if (channels === 1) return { data, width, height };
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += channels) {
    out[i] = channels < 3 ? data[p]! : (data[p]! * 299 + data[p + 1]! * 587 + data[p + 2]! * 114 + 500) / 1000;
  }
  return { data: out, width, height };
}

/** Bits that differ between two 64-bit hex hashes. */
export function hamming64(a: string, b: string): number {
  const hi = (Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16)) >>> 0;
  const lo = (Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16)) >>> 0;
  return popcount32(hi) + popcount32(lo);
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * What transform turns the earlier picture's region into the later one's: from the two canonical orientations (each
 * brings its region to the same canonical picture, so the later one is the earlier one's orientation followed by the
 * inverse of its own). Named for people: 'none', 'mirror', 'rotate90', 'rotate180', 'rotate270', 'flip', 'transpose',
 * 'transverse'.
 */
export function transformBetween(earlier: Orientation, later: Orientation): string {
  // Act on a probe: where does the unit vector go. Represent each orientation as a 2×2 signed permutation.
  const m = (o: Orientation): [number, number, number, number] => {
    // Transpose, then h (x → −x), then v (y → −y): matrix acting on (x, y) column vectors.
    let a = 1,
      b = 0,
      c = 0,
      d = 1;
    if (o.startsWith('t')) [a, b, c, d] = [0, 1, 1, 0];
    if (o.includes('h')) [a, b] = [-a, -b];
    if (o.includes('v')) [c, d] = [-c, -d];
    return [a, b, c, d];
  };
  const mul = (p: number[], q: number[]) => [p[0]! * q[0]! + p[1]! * q[2]!, p[0]! * q[1]! + p[1]! * q[3]!, p[2]! * q[0]! + p[3]! * q[2]!, p[2]! * q[1]! + p[3]! * q[3]!];
  const inv = (p: number[]) => [p[0]!, p[2]!, p[1]!, p[3]!]; // orthogonal: inverse = transpose
  const [a, b, c, d] = mul(inv(m(later)), m(earlier));
  const key = `${a},${b},${c},${d}`;
  const names: Record<string, string> = {
    '1,0,0,1': 'none',
    '-1,0,0,1': 'mirror',
    '1,0,0,-1': 'flip',
    '-1,0,0,-1': 'rotate180',
    '0,1,1,0': 'transpose',
    '0,-1,-1,0': 'transverse',
    // Image coordinates (y down): (x, y) → (−y, x) turns the picture a quarter clockwise.
    '0,-1,1,0': 'rotate90',
    '0,1,-1,0': 'rotate270',
  };
  return names[key]!;
}
