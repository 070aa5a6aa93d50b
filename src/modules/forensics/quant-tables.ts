import type { QuantTable } from './jpeg.ts';

/**
 * Quantization tables that software encoders derive from a base table and an integer quality 1–100 (the IJG scaling
 * of libjpeg's jpeg_set_quality, used by libjpeg, libjpeg-turbo, mozjpeg, ImageMagick, GIMP, Pillow, OpenCV and sharp).
 * A file whose tables equal one of these exactly was written by such an encoder — the mark of a file re-saved by
 * software rather than written by a camera's own encoder, whose tables are its own.
 *
 * Base tables, natural (row-major) order:
 * - annex_k: ITU-T T.81 (1992) | ISO/IEC 10918-1 Annex K, Tables K.1 and K.2 — the IJG default;
 * - the other presets of mozjpeg (jcparam.c, `quant_tbl_master_idx`, selectable in sharp as `quantisationTable`):
 *   flat; MS-SSIM tuned on Kodak; the ImageMagick table of N. Robidoux (mozjpeg's default with sharp `mozjpeg: true`);
 *   PSNR-HVS-M tuned; Klein, Silverstein & Carney (1992); Watson, Taylor & Borthwick (1997); Ahumada, Watson &
 *   Peterson (1993); Peterson, Ahumada & Watson (1993).
 * forensics.test.ts checks every family against sharp's own output at several qualities.
 */

type Base = readonly number[];

const ANNEX_K_LUMA: Base = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109,
  103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const ANNEX_K_CHROMA: Base = [
  17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99, ...new Array<number>(32).fill(99),
];
const FLAT: Base = new Array<number>(64).fill(16);
const SSIM_LUMA: Base = [
  12, 17, 20, 21, 30, 34, 56, 63, 18, 20, 20, 26, 28, 51, 61, 55, 19, 20, 21, 26, 33, 58, 69, 55, 26, 26, 26, 30, 46, 87, 86, 66, 31, 33, 36, 40, 46, 96,
  100, 73, 40, 35, 46, 62, 81, 100, 111, 91, 46, 66, 76, 86, 102, 121, 120, 101, 68, 90, 90, 96, 113, 102, 105, 103,
];
const SSIM_CHROMA: Base = [
  8, 12, 15, 15, 86, 96, 96, 98, 13, 13, 15, 26, 90, 96, 99, 98, 12, 15, 18, 96, 99, 99, 99, 99, 17, 16, 90, 96, 99, 99, 99, 99, 96, 96, 99, 99, 99, 99,
  99, 99, ...new Array<number>(24).fill(99),
];
const IMAGEMAGICK: Base = [
  16, 16, 16, 18, 25, 37, 56, 85, 16, 17, 20, 27, 34, 40, 53, 75, 16, 20, 24, 31, 43, 62, 91, 135, 18, 27, 31, 40, 53, 74, 106, 156, 25, 34, 43, 53, 69,
  94, 131, 189, 37, 40, 62, 74, 94, 124, 169, 238, 56, 53, 91, 106, 131, 169, 226, 311, 85, 75, 135, 156, 189, 238, 311, 418,
];
const PSNR_HVS_LUMA: Base = [
  9, 10, 12, 14, 27, 32, 51, 62, 11, 12, 14, 19, 27, 44, 59, 73, 12, 14, 18, 25, 42, 59, 79, 78, 17, 18, 25, 42, 61, 92, 87, 92, 23, 28, 42, 75, 79, 112,
  112, 99, 40, 42, 59, 84, 88, 124, 132, 111, 42, 64, 78, 95, 105, 126, 125, 99, 70, 75, 100, 102, 116, 100, 107, 98,
];
const PSNR_HVS_CHROMA: Base = [
  9, 10, 17, 19, 62, 89, 91, 97, 12, 13, 18, 29, 84, 91, 88, 98, 14, 19, 29, 93, 95, 95, 98, 97, 20, 26, 84, 88, 95, 95, 98, 94, 26, 86, 91, 93, 97, 99,
  98, 99, 99, 100, 98, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 97, 97, 99, 99, 99, 99, 97, 99,
];
const KLEIN: Base = [
  10, 12, 14, 19, 26, 38, 57, 86, 12, 18, 21, 28, 35, 41, 54, 76, 14, 21, 25, 32, 44, 63, 92, 136, 19, 28, 32, 41, 54, 75, 107, 157, 26, 35, 44, 54, 70,
  95, 132, 190, 38, 41, 63, 75, 95, 125, 170, 239, 57, 54, 92, 107, 132, 170, 227, 312, 86, 76, 136, 157, 190, 239, 312, 419,
];
const WATSON: Base = [
  7, 8, 10, 14, 23, 44, 95, 241, 8, 8, 11, 15, 25, 47, 102, 255, 10, 11, 13, 19, 31, 58, 127, 255, 14, 15, 19, 27, 44, 83, 181, 255, 23, 25, 31, 44, 72,
  136, 255, 255, 44, 47, 58, 83, 136, 255, 255, 255, 95, 102, 127, 181, 255, 255, 255, 255, 241, 255, 255, 255, 255, 255, 255, 255,
];
const AHUMADA: Base = [
  15, 11, 11, 12, 15, 19, 25, 32, 11, 13, 10, 10, 12, 15, 19, 24, 11, 10, 14, 14, 16, 18, 22, 27, 12, 10, 14, 18, 21, 24, 28, 33, 15, 12, 16, 21, 26, 31,
  36, 42, 19, 15, 18, 24, 31, 38, 45, 53, 25, 19, 22, 28, 36, 45, 55, 65, 32, 24, 27, 33, 42, 53, 65, 77,
];
const PETERSON: Base = [
  14, 10, 11, 14, 19, 25, 34, 45, 10, 11, 11, 12, 15, 20, 26, 33, 11, 11, 15, 18, 21, 25, 31, 38, 14, 12, 18, 24, 28, 33, 39, 47, 19, 15, 21, 28, 36, 43,
  51, 59, 25, 20, 25, 33, 43, 54, 64, 74, 34, 26, 31, 39, 51, 64, 77, 91, 45, 33, 38, 47, 59, 74, 91, 108,
];

export const ENCODER_FAMILIES = {
  annex_k: { label: 'IJG/libjpeg 标准表（ITU-T T.81 附录K）', luma: ANNEX_K_LUMA, chroma: ANNEX_K_CHROMA },
  flat: { label: 'mozjpeg 平坦表', luma: FLAT, chroma: FLAT },
  ms_ssim: { label: 'mozjpeg MS-SSIM 表', luma: SSIM_LUMA, chroma: SSIM_CHROMA },
  imagemagick: { label: 'mozjpeg/ImageMagick Robidoux 表', luma: IMAGEMAGICK, chroma: IMAGEMAGICK },
  psnr_hvs_m: { label: 'mozjpeg PSNR-HVS-M 表', luma: PSNR_HVS_LUMA, chroma: PSNR_HVS_CHROMA },
  klein: { label: 'mozjpeg Klein 表', luma: KLEIN, chroma: KLEIN },
  watson: { label: 'mozjpeg Watson 表', luma: WATSON, chroma: WATSON },
  ahumada: { label: 'mozjpeg Ahumada 表', luma: AHUMADA, chroma: AHUMADA },
  peterson: { label: 'mozjpeg Peterson 表', luma: PETERSON, chroma: PETERSON },
} as const;

export type EncoderFamily = keyof typeof ENCODER_FAMILIES;

/** libjpeg's jpeg_quality_scaling: quality 1–100 → percentage scale of the base table. */
export const qualityScale = (q: number) => (q < 50 ? Math.floor(5000 / q) : 200 - 2 * q);

/** libjpeg's jpeg_add_quant_table: base × scale / 100, rounded, at least 1; at most 255 for baseline, else 32767. */
export function scaleTable(base: Base, quality: number, forceBaseline: boolean): number[] {
  const scale = qualityScale(quality);
  return base.map((v) => Math.min(forceBaseline ? 255 : 32767, Math.max(1, Math.floor((v * scale + 50) / 100))));
}

export interface EncoderMatch {
  family: EncoderFamily;
  quality: number;
}

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The encoder family and integer quality whose tables equal the file's exactly (luma slot 0; chroma slot 1 when the
 * file has one), or null. Quality 100 makes every table all ones whatever the base: reported as annex_k.
 */
export function matchEncoderTables(tables: readonly QuantTable[]): EncoderMatch | null {
  const slot = (id: number) => tables.findLast((t) => t.id === id)?.values ?? null;
  const luma = slot(0);
  if (!luma) return null;
  const chroma = slot(1);
  for (const family of Object.keys(ENCODER_FAMILIES) as EncoderFamily[]) {
    const f = ENCODER_FAMILIES[family];
    for (let q = 100; q >= 1; q--) {
      for (const baseline of [true, false]) {
        if (!same(scaleTable(f.luma, q, baseline), luma)) continue;
        if (chroma && !same(scaleTable(f.chroma, q, baseline), chroma)) continue;
        return { family, quality: q };
      }
    }
  }
  return null;
}

/**
 * The IJG quality a table is closest to (least mean absolute difference against Annex K luma), for the evidence of
 * tables that match no encoder exactly: a camera's tables read as "about quality 96".
 */
export function nearestIjgQuality(values: readonly number[]): number {
  let best = { q: 50, d: Infinity };
  for (let q = 1; q <= 100; q++) {
    const t = scaleTable(ANNEX_K_LUMA, q, true);
    let d = 0;
    for (let i = 0; i < 64; i++) d += Math.abs(t[i]! - values[i]!);
    if (d < best.d) best = { q, d };
  }
  return best.q;
}
