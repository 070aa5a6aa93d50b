import sharp from 'sharp';
import { exifApp1, GENUINE_EXIF, withApp1 } from '../forensics/testing.ts';

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
}

export async function makeCameraJpeg(p: FakePhoto = {}): Promise<Buffer> {
  const width = p.width ?? 1600;
  const height = p.height ?? 1200;
  const seed = p.seed ?? 1;
  // A noisy gradient: compresses like a photograph, unlike a flat colour.
  const raw = Buffer.alloc(width * height * 3);
  let r = seed * 2654435761;
  for (let i = 0; i < width * height; i++) {
    r = (r * 1103515245 + 12345) >>> 0;
    const x = i % width;
    const y = (i / width) | 0;
    const noise = (r >>> 24) & 0x3f;
    raw[i * 3] = ((x * 255) / width + noise + seed * 37) & 0xff;
    raw[i * 3 + 1] = ((y * 255) / height + noise) & 0xff;
    raw[i * 3 + 2] = (((x + y) * 128) / (width + height) + noise * 2) & 0xff;
  }
  const body = await sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: p.quality ?? 92 })
    .toBuffer();
  // EXIF as a phone writes it (the forensic checks look for exposure data, a MakerNote, a GPS stamp in UTC).
  const taken = p.takenAtLocal ? new Date(`${p.takenAtLocal}+08:00`) : null;
  const utc = taken?.toISOString();
  return withApp1(
    body,
    exifApp1({
      make: p.make ?? 'HUAWEI',
      model: p.model ?? 'Mate 60 Pro',
      ...(p.software ? { software: p.software } : {}),
      ...(p.takenAtLocal ? { dateTimeOriginal: p.takenAtLocal.replace(/-/g, ':').replace('T', ' '), offsetTimeOriginal: '+08:00', modifyDate: p.takenAtLocal.replace(/-/g, ':').replace('T', ' ') } : {}),
      exposure: { time: [1, 200], fNumber: [18, 10], iso: 100 },
      makerNote: GENUINE_EXIF.makerNote!,
      orientation: 1,
      ...(p.latitude !== undefined && p.longitude !== undefined
        ? {
            gps: {
              lat: p.latitude,
              lng: p.longitude,
              ...(utc ? { date: utc.slice(0, 10).replace(/-/g, ':'), time: [Number(utc.slice(11, 13)), Number(utc.slice(14, 16)), Number(utc.slice(17, 19))] as [number, number, number] } : { date: '', time: [0, 0, 0] as [number, number, number] }),
            },
          }
        : {}),
    }),
  );
}
