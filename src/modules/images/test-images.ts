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

/**
 * A varied synthetic scene (for reuse-detection tests and measurements): a sky-to-ground gradient, a horizon at a
 * random height, concrete-grey blocks, columns, rebar-like lines and discs in random places and colours, then sensor
 * noise. Different seeds give different pictures that share the layout of site photos (sky above, ground below),
 * which is what makes false matches likely among real ones.
 */
export async function makeScene(seed: number, width = 1600, height = 1200, quality = 90): Promise<Buffer> {
  let s = (seed * 2654435761 + 1) >>> 0;
  const rnd = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const int = (a: number, b: number) => Math.floor(a + rnd() * (b - a));
  const grey = () => {
    const g = int(90, 200);
    return `rgb(${g + int(-15, 15)},${g + int(-15, 15)},${g + int(-15, 15)})`;
  };
  const colour = () => `rgb(${int(0, 256)},${int(0, 256)},${int(0, 256)})`;
  const horizon = int(height * 0.25, height * 0.7);
  const shapes: string[] = [];
  const n = int(6, 16);
  for (let i = 0; i < n; i++) {
    const kind = int(0, 4);
    const x = int(-width * 0.1, width);
    const y = int(0, height);
    const w = int(width * 0.03, width * 0.4);
    const h = int(height * 0.03, height * 0.6);
    if (kind === 0) shapes.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${grey()}"/>`);
    else if (kind === 1) shapes.push(`<rect x="${x}" y="${int(0, horizon)}" width="${int(width * 0.02, width * 0.08)}" height="${height}" fill="${grey()}"/>`);
    else if (kind === 2) shapes.push(`<circle cx="${x}" cy="${y}" r="${int(width * 0.02, width * 0.15)}" fill="${colour()}"/>`);
    else {
      for (let k = 0; k < int(3, 9); k++) {
        const yy = y + k * int(10, 40);
        shapes.push(`<line x1="${x}" y1="${yy}" x2="${x + w * 2}" y2="${yy + int(-80, 80)}" stroke="${colour()}" stroke-width="${int(3, 12)}"/>`);
      }
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="${rnd().toFixed(2)}" y2="1"><stop offset="0" stop-color="rgb(${int(80, 200)},${int(120, 220)},${int(180, 255)})"/><stop offset="1" stop-color="rgb(${int(180, 255)},${int(180, 255)},${int(180, 255)})"/></linearGradient>
<linearGradient id="ground" x1="0" y1="0" x2="${rnd().toFixed(2)}" y2="1"><stop offset="0" stop-color="rgb(${int(90, 170)},${int(80, 150)},${int(60, 120)})"/><stop offset="1" stop-color="rgb(${int(40, 110)},${int(40, 100)},${int(30, 90)})"/></linearGradient></defs>
<rect width="${width}" height="${horizon}" fill="url(#sky)"/><rect y="${horizon}" width="${width}" height="${height - horizon}" fill="url(#ground)"/>
${shapes.join('\n')}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i++) {
    const v = (data[i]! + (rnd() - 0.5) * 36) | 0;
    data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).jpeg({ quality }).toBuffer();
}
