import sharp from 'sharp';

/**
 * Camera-like JPEGs with real EXIF for tests, the simulator and the benchmark: a textured scene (so JPEG size and
 * decode cost are realistic), capture time, GPS position, make and model.
 */
export interface FakePhoto {
  width?: number;
  height?: number;
  /** Beijing wall-clock time, e.g. '2026-07-15T10:02:03'. */
  takenAtLocal?: string;
  latitude?: number;
  longitude?: number;
  make?: string;
  model?: string;
  software?: string;
  seed?: number;
  quality?: number;
  /**
   * `gradient` (default): one noisy gradient, shifted in colour by the seed — pictures of different seeds look alike to
   * a perceptual hash. `blocks`: a 6 × 8 grid of grey levels drawn from the seed under the same noise, so that pictures
   * of different seeds are different scenes (demo data that must not flag itself as reused).
   */
  scene?: 'gradient' | 'blocks';
}

function gpsRational(deg: number): string {
  const d = Math.floor(deg);
  const mFloat = (deg - d) * 60;
  const m = Math.floor(mFloat);
  const s = Math.round((mFloat - m) * 60 * 1000);
  return `${d}/1 ${m}/1 ${s}/1000`;
}

export async function makeCameraJpeg(p: FakePhoto = {}): Promise<Buffer> {
  const width = p.width ?? 1600;
  const height = p.height ?? 1200;
  const seed = p.seed ?? 1;
  // A noisy gradient: compresses like a photograph, unlike a flat colour.
  const raw = Buffer.alloc(width * height * 3);
  const blocks: number[] = [];
  if (p.scene === 'blocks') {
    let b = (seed * 2246822519) >>> 0;
    for (let i = 0; i < 48; i++) {
      b = (b * 1664525 + 1013904223) >>> 0;
      blocks.push(b >>> 24);
    }
  }
  let r = seed * 2654435761;
  for (let i = 0; i < width * height; i++) {
    r = (r * 1103515245 + 12345) >>> 0;
    const x = i % width;
    const y = (i / width) | 0;
    const noise = (r >>> 24) & 0x3f;
    if (blocks.length) {
      const v = blocks[((((y * 6) / height) | 0) * 8 + (((x * 8) / width) | 0))]! * 0.75 + noise;
      raw[i * 3] = v & 0xff;
      raw[i * 3 + 1] = (v * 0.95) & 0xff;
      raw[i * 3 + 2] = (v * 0.9) & 0xff;
      continue;
    }
    raw[i * 3] = ((x * 255) / width + noise + seed * 37) & 0xff;
    raw[i * 3 + 1] = ((y * 255) / height + noise) & 0xff;
    raw[i * 3 + 2] = (((x + y) * 128) / (width + height) + noise * 2) & 0xff;
  }
  const ifd0: Record<string, string> = { Make: p.make ?? 'HUAWEI', Model: p.model ?? 'Mate 60 Pro' };
  if (p.software) ifd0.Software = p.software;
  const exifIfd: Record<string, string> = {};
  if (p.takenAtLocal) {
    exifIfd.DateTimeOriginal = p.takenAtLocal.replace(/-/g, ':').replace('T', ' ');
    exifIfd.OffsetTimeOriginal = '+08:00';
  }
  const gps: Record<string, string> = {};
  if (p.latitude !== undefined && p.longitude !== undefined) {
    gps.GPSLatitudeRef = p.latitude >= 0 ? 'N' : 'S';
    gps.GPSLatitude = gpsRational(Math.abs(p.latitude));
    gps.GPSLongitudeRef = p.longitude >= 0 ? 'E' : 'W';
    gps.GPSLongitude = gpsRational(Math.abs(p.longitude));
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: p.quality ?? 92 })
    .withExif({ IFD0: ifd0, IFD2: exifIfd, IFD3: gps })
    .toBuffer();
}
