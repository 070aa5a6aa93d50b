import sharp, { type Sharp } from 'sharp';
import { IMAGE_THUMBNAIL_CELL_DIFFERENCE, IMAGE_THUMBNAIL_SIZE } from '../../kernel/policy.ts';

/**
 * The EXIF thumbnail (IFD1) against the picture. Cameras write a 160×120 JPEG of the picture at capture; an editor that
 * changes the pixels and keeps the EXIF block keeps the old thumbnail. Both are reduced to the same small grey square,
 * levels normalised (zero mean, fixed spread) so that a brightness or contrast difference between the camera's two
 * encodings does not count, and compared by mean absolute difference.
 */

const N = IMAGE_THUMBNAIL_SIZE;

/** Zero-mean, spread-normalised grey levels (mean 128, standard deviation 40), as bytes. */
function normalise(grey: Uint8Array): Uint8Array {
  let sum = 0;
  for (const v of grey) sum += v;
  const mean = sum / grey.length;
  let sq = 0;
  for (const v of grey) sq += (v - mean) ** 2;
  const sd = Math.sqrt(sq / grey.length) || 1;
  return Uint8Array.from(grey, (v) => Math.max(0, Math.min(255, Math.round(128 + ((v - mean) / sd) * 40))));
}

/** The signature of an (already oriented) picture: N×N grey, normalised. `image` is consumed. */
export async function greySignature(image: Sharp): Promise<Uint8Array> {
  const raw = await image.greyscale().resize(N, N, { fit: 'fill' }).raw().toBuffer();
  return normalise(raw);
}

/** EXIF orientation 1–8 applied with sharp's operations (an EXIF thumbnail has no orientation of its own). */
function orient(image: Sharp, orientation: number | null): Sharp {
  switch (orientation) {
    case 2:
      return image.flop();
    case 3:
      return image.rotate(180);
    case 4:
      return image.flip();
    case 5:
      return image.rotate(90).flop();
    case 6:
      return image.rotate(90);
    case 7:
      return image.rotate(270).flop();
    case 8:
      return image.rotate(270);
    default:
      return image;
  }
}

/**
 * The signature of the EXIF thumbnail, oriented like the picture and cropped (centred) to the picture's aspect ratio
 * (cameras pad a 16:9 picture's 4:3 thumbnail with black bars). Null when the thumbnail cannot be decoded.
 */
export async function thumbnailSignature(thumbnail: Buffer, orientation: number | null, pictureAspect: number): Promise<Uint8Array | null> {
  try {
    const { data, info } = await orient(sharp(thumbnail, { failOn: 'error' }), orientation).raw().toBuffer({ resolveWithObject: true });
    let { width, height } = info;
    let left = 0;
    let top = 0;
    const aspect = width / height;
    if (Math.abs(aspect - pictureAspect) / pictureAspect > 0.03) {
      if (aspect < pictureAspect) {
        const h = Math.max(1, Math.round(width / pictureAspect));
        top = Math.floor((height - h) / 2);
        height = h;
      } else {
        const w = Math.max(1, Math.round(height * pictureAspect));
        left = Math.floor((width - w) / 2);
        width = w;
      }
    }
    return greySignature(sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).extract({ left, top, width, height }));
  } catch {
    return null;
  }
}

export interface SignatureDifference {
  /** Mean absolute difference, in normalised grey levels. */
  mean: number;
  /** Share of cells (0–1) that differ by more than IMAGE_THUMBNAIL_CELL_DIFFERENCE: the part of the frame that changed. */
  changedShare: number;
}

export function signatureDifference(a: Uint8Array, b: Uint8Array): SignatureDifference {
  let d = 0;
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Math.abs(a[i]! - b[i]!);
    d += x;
    if (x > IMAGE_THUMBNAIL_CELL_DIFFERENCE) changed++;
  }
  return { mean: d / a.length, changedShare: changed / a.length };
}
