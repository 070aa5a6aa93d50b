import sharp from 'sharp';
import { exifApp1, GENUINE_EXIF, withApp1 } from '../modules/forensics/index.ts';

/**
 * Site photos for the simulator and the benchmark: a concrete surface (grey with blotches, a rebar grid and sensor
 * noise) so that it compresses and decodes like a camera's JPEG (about 0.29 bytes per pixel at quality 92: a 12 MP
 * frame is 3–4 MB), with real EXIF written by libvips: capture time with its offset, GPS position, make and model.
 */
export interface SitePhoto {
  /** Approximate size of the JPEG in bytes; sets the frame's pixels (4:3). */
  targetBytes: number;
  /** Beijing wall clock, e.g. '2026-07-15T10:02:03'. */
  takenAtLocal: string;
  latitude: number;
  longitude: number;
  make: string;
  model: string;
  seed: number;
}

const BYTES_PER_PIXEL = 0.29;

export function frameFor(targetBytes: number): { width: number; height: number } {
  const pixels = Math.max(targetBytes / BYTES_PER_PIXEL, 320 * 240);
  const height = Math.round(Math.sqrt((pixels * 3) / 4) / 24) * 24;
  return { width: (height / 3) * 4, height };
}

export async function makeSitePhoto(p: SitePhoto): Promise<Buffer> {
  const { width, height } = frameFor(p.targetBytes);
  const raw = Buffer.alloc(width * height * 3);
  let r = (p.seed * 2654435761 + 1) >>> 0;
  const phase = (p.seed % 97) / 7;
  const gridX = 300 + (p.seed % 5) * 40;
  const gridY = 240 + (p.seed % 7) * 30;
  // Light and stains at the scale of the whole frame differ from shot to shot: what a perceptual hash sees, so two
  // simulated photos are not near-duplicates of each other.
  const rnd = (k: number) => (((Math.imul(p.seed + 1, 2654435761) ^ Math.imul(k + 1, 40503)) >>> 0) % 10007) / 10007;
  const angle = rnd(1) * 2 * Math.PI;
  const [gx, gy] = [Math.cos(angle) * 70, Math.sin(angle) * 70];
  const stains = Array.from({ length: 4 }, (_, k) => ({ x: rnd(10 + k) * width, y: rnd(20 + k) * height, r2: (0.1 + rnd(30 + k) * 0.2) ** 2 * width * width, d: rnd(40 + k) > 0.5 ? 45 : -45 }));
  let lastStain = 0;
  for (let y = 0; y < height; y++) {
    const cy = Math.cos(y / 53 + phase);
    const light = gy * (y / height - 0.5);
    for (let x = 0; x < width; x++) {
      r = (r * 1103515245 + 12345) >>> 0;
      const noise = (r >>> 24) % 20;
      const blot = Math.sin(x / 37 + phase) * cy * 30 + Math.sin((x + y) / 191) * 20;
      const rebar = x % gridX < 6 || y % gridY < 6 ? -60 : 0;
      let stain = 0;
      if ((x & 7) === 0) {
        for (const st of stains) if ((x - st.x) ** 2 + (y - st.y) ** 2 < st.r2) stain += st.d;
        lastStain = stain;
      } else stain = lastStain;
      const v = 140 + light + gx * (x / width - 0.5) + stain + blot + noise + rebar;
      const i = (y * width + x) * 3;
      raw[i] = Math.max(0, Math.min(255, v + 10));
      raw[i + 1] = Math.max(0, Math.min(255, v + 5));
      raw[i + 2] = Math.max(0, Math.min(255, v));
    }
  }
  const body = await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).toBuffer();
  // EXIF as a phone camera writes it: exposure data, a MakerNote and a GPS stamp in UTC (the forensic checks look for
  // each), so the simulated honest agency's pictures are not flagged.
  const local = p.takenAtLocal.replace(/-/g, ':').replace('T', ' ');
  const utc = new Date(`${p.takenAtLocal}+08:00`).toISOString();
  return withApp1(
    body,
    exifApp1({
      make: p.make,
      model: p.model,
      dateTimeOriginal: local,
      offsetTimeOriginal: '+08:00',
      modifyDate: local,
      exposure: { time: [1, 200], fNumber: [18, 10], iso: 100 },
      makerNote: GENUINE_EXIF.makerNote!,
      orientation: 1,
      gps: { lat: p.latitude, lng: p.longitude, date: utc.slice(0, 10).replace(/-/g, ':'), time: [Number(utc.slice(11, 13)), Number(utc.slice(14, 16)), Number(utc.slice(17, 19))] },
    }),
  );
}

/**
 * Another file with the same picture: a JPEG comment segment (COM) after the start-of-image marker. Its bytes and
 * SHA-256 differ, its pixels, EXIF and decoding cost do not (the benchmark's many uploads from a few generated frames).
 */
export function withComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const seg = Buffer.alloc(4);
  seg[0] = 0xff;
  seg[1] = 0xfe;
  seg.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), seg, body, jpeg.subarray(2)]);
}

/** '2026-07-15T10:02:03' (Beijing wall clock) of an instant, as a camera set to local time writes it. */
export const beijingWallClock = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19);

/** RFC 3339 in Beijing time with milliseconds, as a capture app declares it. */
export const beijingRfc3339 = (d: Date): string => `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 23)}+08:00`;
