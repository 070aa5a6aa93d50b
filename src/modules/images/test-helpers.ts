import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { demoDeviceSignature } from '../../seed/batches.ts';
import type { BatchHarness, Who } from '../batches/test-fixtures.ts';
import { encodeMetadata } from './metadata.ts';
import { makeCameraJpeg, type FakePhoto } from './test-images.ts';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';

/**
 * Helpers for the image and check-in API tests, on the batches' test harness (the demo at 2026-07-15 08:00 Beijing,
 * 幸福里 project around (125.3562, 43.8468)).
 */
export const SITE_CENTRE = { lat: 43.8468, lng: 125.3562 };
const M_PER_DEG_LAT = 111_195;

/** The point `east` and `north` metres from the site's centre. */
export function offsetFromSite(east: number, north: number): { lat: number; lng: number } {
  return {
    lat: SITE_CENTRE.lat + north / M_PER_DEG_LAT,
    lng: SITE_CENTRE.lng + east / (M_PER_DEG_LAT * Math.cos((SITE_CENTRE.lat * Math.PI) / 180)),
  };
}

/** '2026-07-15T10:02:03' (Beijing wall clock) of an instant, as a camera writes it. */
export function beijingWallClock(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19);
}

/** RFC 3339 in Beijing time, as a capture app declares it. */
export function beijingRfc3339(d: Date): string {
  return `${beijingWallClock(d)}+08:00`;
}

export interface Declared {
  capturedAt: string;
  location: { lat: number; lng: number };
  testerPersonId: string;
  equipmentId: string;
  componentId: string;
  recordKeys: string[];
  signature?: { alg: 'Ed25519'; value: string; keyId?: string };
}

/** Metadata of a process image of the harness's default batch, taken at `at` on site. */
export function declaredFor(h: BatchHarness, at: Date, over: Partial<Declared> = {}): Declared {
  return {
    capturedAt: beijingRfc3339(at),
    location: SITE_CENTRE,
    testerPersonId: h.refs.person.tester,
    equipmentId: h.refs.equipment.rebound,
    componentId: h.refs.components[2]!,
    recordKeys: ['R-0001'],
    ...over,
  };
}

/** A camera JPEG whose EXIF agrees with `d` (time and place), unless `photo` says otherwise. */
export function photoFor(d: Declared, photo: FakePhoto = {}): Promise<Buffer> {
  return makeCameraJpeg({
    width: 800,
    height: 600,
    takenAtLocal: d.capturedAt.slice(0, 19),
    latitude: d.location.lat,
    longitude: d.location.lng,
    ...photo,
  });
}

/** The demo 回弹仪's signature over an image's signing payload. */
export function signImage(batchId: string, sha256: string, d: Declared): { alg: 'Ed25519'; value: string } {
  const payload = canonicalJson({
    batchId,
    sha256,
    capturedAt: d.capturedAt,
    location: d.location,
    testerPersonId: d.testerPersonId,
    equipmentId: d.equipmentId,
    componentId: d.componentId,
    recordKeys: d.recordKeys,
  });
  return { alg: 'Ed25519', value: demoDeviceSignature(payload) };
}

/** POST /batches/:id/images with the raw bytes and the metadata header. */
export async function uploadImage(
  h: BatchHarness,
  who: Who,
  batchId: string,
  bytes: Buffer,
  declared: object,
  opts: { key?: string; contentType?: string } = {},
): Promise<LightMyRequestResponse> {
  return h.post(who, `/api/v1/batches/${batchId}/images`, bytes as unknown as object, {
    'content-type': opts.contentType ?? 'image/jpeg',
    'idempotency-key': opts.key ?? `img-${randomUUID()}`,
    'x-qtrace-metadata': encodeMetadata(declared),
  });
}
