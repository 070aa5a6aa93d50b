import type { AnomalyKind } from '../../batches/index.ts';
import {
  IMAGE_CAPTURE_WINDOW_TOLERANCE_MS,
  IMAGE_DUPLICATE_MAX_HAMMING,
  IMAGE_EDITING_SOFTWARE_PATTERNS,
  IMAGE_EXIF_POSITION_TOLERANCE_METRES,
  IMAGE_EXIF_TIME_TOLERANCE_MS,
  SITE_GEOFENCE_TOLERANCE_METRES,
} from '../../../kernel/policy.ts';
import { distanceMetres, isInsideSite, type LngLat, type SiteBoundary } from '../../projects/index.ts';
import { exifInstant, hammingDistance, type ImageExif } from '../inspect.ts';

/**
 * Consistency flags of a process image (issue 4 item 4, DESIGN.md §4) as pure functions. Each finding becomes an
 * anomaly for the departments (src/modules/batches/anomalies.ts); none refuses the image. Two groups:
 * - declared flags, from what the client declared against the batch and the project: decided when the upload is
 *   acknowledged, in its transaction;
 * - content flags, from what the platform reads in the file (EXIF, perceptual hash): decided by the image job.
 */

export interface ImageFlag {
  kind: AnomalyKind;
  /** The evidence, as stored in the anomaly: declared and observed values, the threshold that was crossed. */
  details: Record<string, unknown>;
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface DeclaredCapture {
  capturedAt: Date;
  location: GeoPoint;
}

/** What a process image declares beyond time and place: who, with what, on which component, for which records. */
export interface DeclaredProcess extends DeclaredCapture {
  testerPersonId: string;
  equipmentId: string;
  componentCode: string;
  recordKeys: readonly string[];
}

export interface BatchWindow {
  openedAt: Date;
  /** The declared completion of on-site testing, once declared. */
  completedAt: Date | null;
}

export interface ProjectSite {
  site: SiteBoundary;
  /** The project's location point (its address on the map), to say how far away an outside capture was. */
  location: GeoPoint;
}

export interface BatchRoster extends BatchWindow {
  testerPersonIds: readonly string[];
  equipmentIds: readonly string[];
  componentCodes: readonly string[];
}

const lngLat = (p: GeoPoint): LngLat => [p.lng, p.lat];
const minutes = (ms: number) => Math.round(ms / 60_000);

/** Time outside [opened − tolerance, completed + tolerance]; null inside. */
export function captureWindowFlag(capturedAt: Date, batch: BatchWindow): ImageFlag | null {
  const t = capturedAt.getTime();
  const earliest = batch.openedAt.getTime() - IMAGE_CAPTURE_WINDOW_TOLERANCE_MS;
  const base = { capturedAt: capturedAt.toISOString(), openedAt: batch.openedAt.toISOString(), completedAt: batch.completedAt?.toISOString() ?? null, toleranceMinutes: minutes(IMAGE_CAPTURE_WINDOW_TOLERANCE_MS) };
  if (t < earliest) return { kind: 'capture_outside_window', details: { ...base, position: 'before_opening', minutesOutside: minutes(batch.openedAt.getTime() - t) } };
  if (batch.completedAt && t > batch.completedAt.getTime() + IMAGE_CAPTURE_WINDOW_TOLERANCE_MS) {
    return { kind: 'capture_outside_window', details: { ...base, position: 'after_completion', minutesOutside: minutes(t - batch.completedAt.getTime()) } };
  }
  return null;
}

/**
 * A point outside the project's site by more than the geofence tolerance: the evidence names the point and its distance
 * from the project's location. Used for images (`location_outside_site`) and check-ins (`witness_checkin_outside_site`).
 */
export function outsideSite(point: GeoPoint, project: ProjectSite): Record<string, unknown> | null {
  if (isInsideSite(project.site, lngLat(point), SITE_GEOFENCE_TOLERANCE_METRES)) return null;
  return {
    location: point,
    projectLocation: project.location,
    distanceFromProjectMetres: Math.round(distanceMetres(lngLat(point), lngLat(project.location))),
    toleranceMetres: SITE_GEOFENCE_TOLERANCE_METRES,
  };
}

/** The flags decided from a process image's declared metadata, in a stable order. */
export function declaredProcessFlags(declared: DeclaredProcess, batch: BatchRoster, project: ProjectSite): ImageFlag[] {
  const flags: ImageFlag[] = [];
  const window = captureWindowFlag(declared.capturedAt, batch);
  if (window) flags.push(window);
  const outside = outsideSite(declared.location, project);
  if (outside) flags.push({ kind: 'location_outside_site', details: outside });
  if (!batch.testerPersonIds.includes(declared.testerPersonId)) {
    flags.push({ kind: 'tester_not_on_batch', details: { testerPersonId: declared.testerPersonId, batchTesters: [...batch.testerPersonIds] } });
  }
  if (!batch.equipmentIds.includes(declared.equipmentId)) {
    flags.push({ kind: 'equipment_not_on_batch', details: { equipmentId: declared.equipmentId, batchEquipment: [...batch.equipmentIds] } });
  }
  if (!batch.componentCodes.includes(declared.componentCode)) {
    flags.push({ kind: 'component_not_on_batch', details: { componentCode: declared.componentCode, batchComponents: [...batch.componentCodes] } });
  }
  if (declared.recordKeys.length === 0) flags.push({ kind: 'image_without_record', details: {} });
  return flags;
}

/** Whether an EXIF software string names an editor (policy list, case-insensitive); the pattern that matched. */
export function editingSoftware(software: string | null): string | null {
  if (!software) return null;
  const s = software.toLowerCase();
  return IMAGE_EDITING_SOFTWARE_PATTERNS.find((p) => s.includes(p.toLowerCase())) ?? null;
}

export interface ContentFacts {
  exif: ImageExif;
  declared: DeclaredCapture;
  /**
   * Signed by the registered device: its origin is proven by the key, so the absence of camera EXIF (an instrument's
   * PNG export has none) is not a finding.
   */
  signed: boolean;
}

/** The flags decided from the file's EXIF against the declared values, in a stable order. */
export function contentFlags(f: ContentFacts): ImageFlag[] {
  const flags: ImageFlag[] = [];
  const { exif, declared } = f;
  const taken = exifInstant(exif);
  const missing = [
    ...(exif.make ? [] : ['make']),
    ...(exif.model ? [] : ['model']),
    ...(taken ? [] : ['dateTimeOriginal']),
  ];
  if (missing.length > 0 && !f.signed) {
    flags.push({ kind: 'exif_missing', details: { missing, hasGps: exif.latitude !== null && exif.longitude !== null, software: exif.software } });
  }
  if (taken) {
    const diff = taken.getTime() - declared.capturedAt.getTime();
    if (Math.abs(diff) > IMAGE_EXIF_TIME_TOLERANCE_MS) {
      flags.push({
        kind: 'exif_time_mismatch',
        details: {
          declared: declared.capturedAt.toISOString(),
          exif: taken.toISOString(),
          exifLocal: exif.takenAtLocal,
          exifOffset: exif.offset,
          differenceSeconds: Math.round(diff / 1000),
          toleranceSeconds: IMAGE_EXIF_TIME_TOLERANCE_MS / 1000,
        },
      });
    }
  }
  if (exif.latitude !== null && exif.longitude !== null) {
    const exifPoint = { lat: exif.latitude, lng: exif.longitude };
    const d = distanceMetres(lngLat(declared.location), lngLat(exifPoint));
    if (d > IMAGE_EXIF_POSITION_TOLERANCE_METRES) {
      flags.push({
        kind: 'exif_location_mismatch',
        details: { declared: declared.location, exif: exifPoint, distanceMetres: Math.round(d), toleranceMetres: IMAGE_EXIF_POSITION_TOLERANCE_METRES },
      });
    }
  }
  const editor = editingSoftware(exif.software);
  if (editor) flags.push({ kind: 'editing_software', details: { software: exif.software, matched: editor } });
  return flags;
}

/**
 * The perceptual hash (64-bit dHash, 16 hex) in four 16-bit bands, most significant first: what the database indexes.
 * Multi-index hashing: two hashes within Hamming distance d differ in some band by at most ⌊d/4⌋ bits (pigeonhole),
 * so probing each band's index with every value within that radius finds every candidate, and only those are compared
 * in full.
 */
export function hashBands(hash: string): [number, number, number, number] {
  if (!/^[0-9a-f]{16}$/.test(hash)) throw new TypeError(`not a 64-bit hex hash: ${hash}`);
  return [0, 4, 8, 12].map((i) => Number.parseInt(hash.slice(i, i + 4), 16)) as [number, number, number, number];
}

/** Every 16-bit value within `radius` bits of `band` (radius 0: itself; 1: itself and its 16 neighbours; …). */
export function bandProbes(band: number, radius: number): number[] {
  const out: number[] = [band];
  let frontier = [{ value: band, next: 0 }];
  for (let r = 0; r < radius; r++) {
    const grown: { value: number; next: number }[] = [];
    for (const f of frontier) {
      for (let bit = f.next; bit < 16; bit++) {
        const value = f.value ^ (1 << bit);
        out.push(value);
        grown.push({ value, next: bit + 1 });
      }
    }
    frontier = grown;
  }
  return out;
}

/** How far each band must be probed for `maxDistance`. */
export const probeRadius = (maxDistance: number = IMAGE_DUPLICATE_MAX_HAMMING) => Math.floor(maxDistance / 4);

export interface DuplicateCandidate {
  imageId: string;
  batchId: string;
  sha256: string;
  perceptualHash: string | null;
}

/**
 * The earlier image this one repeats, from candidates in other batches: the same bytes (SHA-256) first, else the
 * nearest perceptual hash within the threshold. Null when none.
 */
export function findDuplicate(
  image: { sha256: string; perceptualHash: string | null },
  candidates: readonly DuplicateCandidate[],
  maxDistance: number = IMAGE_DUPLICATE_MAX_HAMMING,
): ImageFlag | null {
  const same = candidates.find((c) => c.sha256 === image.sha256);
  if (same) return { kind: 'duplicate_image', details: { match: 'identical', otherImageId: same.imageId, otherBatchId: same.batchId, sha256: image.sha256 } };
  if (!image.perceptualHash) return null;
  let best: { c: DuplicateCandidate; d: number } | null = null;
  for (const c of candidates) {
    if (!c.perceptualHash) continue;
    const d = hammingDistance(image.perceptualHash, c.perceptualHash);
    if (d <= maxDistance && (!best || d < best.d)) best = { c, d };
  }
  if (!best) return null;
  return {
    kind: 'duplicate_image',
    details: { match: 'similar', otherImageId: best.c.imageId, otherBatchId: best.c.batchId, hammingDistance: best.d, maxDistance, perceptualHash: image.perceptualHash, otherPerceptualHash: best.c.perceptualHash },
  };
}
