import { describe, expect, it } from 'vitest';
import {
  IMAGE_CAPTURE_WINDOW_TOLERANCE_MS,
  IMAGE_DUPLICATE_MAX_HAMMING,
  IMAGE_EXIF_POSITION_TOLERANCE_METRES,
  IMAGE_EXIF_TIME_TOLERANCE_MS,
} from '../../../kernel/policy.ts';
import type { SiteBoundary } from '../../projects/index.ts';
import type { ImageExif } from '../inspect.ts';
import {
  bandProbes,
  captureWindowFlag,
  contentFlags,
  declaredProcessFlags,
  editingSoftware,
  findDuplicate,
  hashBands,
  probeRadius,
  type BatchRoster,
  type DeclaredProcess,
  type ProjectSite,
} from './flags.ts';

const M_PER_DEG_LAT = 111_195;
const CENTRE = { lat: 43.8468, lng: 125.3562 };
/** The point `east` and `north` metres from the project's centre. */
const at = (east: number, north: number) => ({
  lat: CENTRE.lat + north / M_PER_DEG_LAT,
  lng: CENTRE.lng + east / (M_PER_DEG_LAT * Math.cos((CENTRE.lat * Math.PI) / 180)),
});
const corner = (e: number, n: number): [number, number] => {
  const p = at(e, n);
  return [p.lng, p.lat];
};
const site: SiteBoundary = { type: 'polygon', ring: [corner(-100, -100), corner(100, -100), corner(100, 100), corner(-100, 100), corner(-100, -100)] };
const project: ProjectSite = { site, location: CENTRE };

const OPENED = new Date('2026-07-15T01:00:00Z'); // 09:00 Beijing
const COMPLETED = new Date('2026-07-15T05:00:00Z');
const batch: BatchRoster = {
  openedAt: OPENED,
  completedAt: COMPLETED,
  testerPersonIds: ['t1', 't2'],
  equipmentIds: ['e1'],
  componentCodes: ['QC0000000000A', 'QC0000000001B'],
};
const declared = (o: Partial<DeclaredProcess> = {}): DeclaredProcess => ({
  capturedAt: new Date('2026-07-15T02:00:00Z'),
  location: at(0, 0),
  testerPersonId: 't1',
  equipmentId: 'e1',
  componentCode: 'QC0000000000A',
  recordKeys: ['r-1'],
  ...o,
});
const kinds = (flags: { kind: string }[]) => flags.map((f) => f.kind);
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe('declaredProcessFlags', () => {
  it.each<[string, Partial<DeclaredProcess>, BatchRoster, string[]]>([
    ['everything as declared on the batch', {}, batch, []],
    ['taken the day before the batch was opened', { capturedAt: ms(OPENED, -24 * 3600_000) }, batch, ['capture_outside_window']],
    ['taken just within the tolerance before opening', { capturedAt: ms(OPENED, -IMAGE_CAPTURE_WINDOW_TOLERANCE_MS) }, batch, []],
    ['taken just beyond the tolerance before opening', { capturedAt: ms(OPENED, -IMAGE_CAPTURE_WINDOW_TOLERANCE_MS - 1000) }, batch, ['capture_outside_window']],
    ['taken within the tolerance after completion', { capturedAt: ms(COMPLETED, IMAGE_CAPTURE_WINDOW_TOLERANCE_MS) }, batch, []],
    ['taken an hour after completion', { capturedAt: ms(COMPLETED, 3600_000) }, batch, ['capture_outside_window']],
    ['taken late while completion is not yet declared', { capturedAt: ms(COMPLETED, 3600_000) }, { ...batch, completedAt: null }, []],
    ['taken 3 km from the site', { location: at(3000, 0) }, batch, ['location_outside_site']],
    ['taken 30 m outside the site edge (GNSS tolerance)', { location: at(130, 0) }, batch, []],
    ['taken 80 m outside the site edge', { location: at(180, 0) }, batch, ['location_outside_site']],
    ['a tester not on the batch', { testerPersonId: 't9' }, batch, ['tester_not_on_batch']],
    ['equipment not on the batch', { equipmentId: 'e9' }, batch, ['equipment_not_on_batch']],
    ['a component not on the batch', { componentCode: 'QC0000000009Z' }, batch, ['component_not_on_batch']],
    ['linked to no record', { recordKeys: [] }, batch, ['image_without_record']],
    [
      'everything wrong at once, in a stable order',
      { capturedAt: ms(OPENED, -24 * 3600_000), location: at(3000, 0), testerPersonId: 'x', equipmentId: 'y', componentCode: 'z', recordKeys: [] },
      batch,
      ['capture_outside_window', 'location_outside_site', 'tester_not_on_batch', 'equipment_not_on_batch', 'component_not_on_batch', 'image_without_record'],
    ],
  ])('%s', (_what, over, b, expected) => {
    expect(kinds(declaredProcessFlags(declared(over), b, project))).toEqual(expected);
  });

  it('states the evidence: where and how far', () => {
    const [flag] = declaredProcessFlags(declared({ location: at(3000, 0) }), batch, project);
    expect(flag!.details).toMatchObject({ toleranceMetres: 50, projectLocation: CENTRE });
    expect(flag!.details.distanceFromProjectMetres).toBeGreaterThan(2990);
    expect(flag!.details.distanceFromProjectMetres).toBeLessThan(3010);
    const window = captureWindowFlag(ms(OPENED, -24 * 3600_000), batch);
    expect(window!.details).toMatchObject({ position: 'before_opening', minutesOutside: 1440, openedAt: OPENED.toISOString() });
  });
});

const exif = (o: Partial<ImageExif> = {}): ImageExif => ({
  takenAtLocal: '2026-07-15T10:00:00',
  offset: '+08:00',
  latitude: CENTRE.lat,
  longitude: CENTRE.lng,
  make: 'HUAWEI',
  model: 'Mate 60 Pro',
  software: null,
  ...o,
});
const capture = { capturedAt: new Date('2026-07-15T02:00:00Z'), location: CENTRE };

describe('contentFlags', () => {
  it.each<[string, Partial<ImageExif>, boolean, string[]]>([
    ['EXIF agrees with the declared values', {}, false, []],
    ['EXIF time without offset is read as Beijing time', { offset: null }, false, []],
    ['EXIF time 4 minutes off (within tolerance)', { takenAtLocal: '2026-07-15T10:04:00' }, false, []],
    ['EXIF time a day off', { takenAtLocal: '2026-07-14T10:00:00' }, false, ['exif_time_mismatch']],
    ['EXIF time in another zone that is the same instant', { takenAtLocal: '2026-07-15T02:00:00', offset: '+00:00' }, false, []],
    ['EXIF position 60 m from the declared one', { latitude: CENTRE.lat + 60 / M_PER_DEG_LAT }, false, []],
    ['EXIF position 3 km from the declared one', { latitude: CENTRE.lat + 3000 / M_PER_DEG_LAT }, false, ['exif_location_mismatch']],
    ['no GPS in EXIF: nothing to compare, not missing camera data', { latitude: null, longitude: null }, false, []],
    ['no camera make and model', { make: null, model: null }, false, ['exif_missing']],
    ['no EXIF at all (a screenshot)', { make: null, model: null, takenAtLocal: null, offset: null, latitude: null, longitude: null }, false, ['exif_missing']],
    ['no EXIF on an image signed by the registered instrument', { make: null, model: null, takenAtLocal: null, offset: null, latitude: null, longitude: null }, true, []],
    ['saved by Photoshop', { software: 'Adobe Photoshop 25.0 (Windows)' }, false, ['editing_software']],
    ['saved by 美图秀秀', { software: '美图秀秀 9.2' }, false, ['editing_software']],
    ['phone firmware in Software', { software: 'HDR+ 1.0.540104767zd' }, false, []],
  ])('%s', (_what, over, signed, expected) => {
    expect(kinds(contentFlags({ exif: exif(over), declared: capture, signed }))).toEqual(expected);
  });

  it('states the difference it found', () => {
    const [time] = contentFlags({ exif: exif({ takenAtLocal: '2026-07-14T10:00:00' }), declared: capture, signed: false });
    expect(time!.details).toMatchObject({ differenceSeconds: -86400, toleranceSeconds: IMAGE_EXIF_TIME_TOLERANCE_MS / 1000, exifLocal: '2026-07-14T10:00:00' });
    const [place] = contentFlags({ exif: exif({ latitude: CENTRE.lat + 3000 / M_PER_DEG_LAT }), declared: capture, signed: false });
    expect(place!.details).toMatchObject({ distanceMetres: 3000, toleranceMetres: IMAGE_EXIF_POSITION_TOLERANCE_METRES });
    const [missing] = contentFlags({ exif: exif({ make: null, takenAtLocal: null }), declared: capture, signed: false });
    expect(missing!.details).toMatchObject({ missing: ['make', 'dateTimeOriginal'], hasGps: true });
  });

  it.each([
    ['Adobe Photoshop Lightroom Classic 13.1', 'photoshop'],
    ['GIMP 2.10.36', 'gimp'],
    ['Snapseed 2.0', 'snapseed'],
    ['MeituPic', 'meitu'],
    ['Apple iPhone 15 Pro 17.4.1', null],
    ['MediaTek Camera Application', null],
    [null, null],
  ])('editingSoftware(%j) → %j', (software, expected) => expect(editingSoftware(software)).toBe(expected));
});

describe('perceptual-hash index', () => {
  it('splits a hash into four 16-bit bands', () => {
    expect(hashBands('0123456789abcdef')).toEqual([0x0123, 0x4567, 0x89ab, 0xcdef]);
    expect(() => hashBands('xyz')).toThrow();
  });

  it('probes each band within the radius the threshold needs', () => {
    expect(bandProbes(0, 0)).toEqual([0]);
    const one = bandProbes(0x00ff, 1);
    expect(one).toHaveLength(17);
    expect(new Set(one).size).toBe(17);
    const two = bandProbes(0x00ff, 2);
    expect(two).toHaveLength(1 + 16 + 120);
    expect(new Set(two).size).toBe(137);
    expect(probeRadius(IMAGE_DUPLICATE_MAX_HAMMING)).toBe(Math.floor(IMAGE_DUPLICATE_MAX_HAMMING / 4));
  });

  it('finds every hash within the threshold through the band probes (pigeonhole), at random', () => {
    let seed = 7;
    const rnd = () => {
      // xorshift32: every bit varies (an LCG's low bits cycle, and a float product loses them).
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const radius = probeRadius();
    for (let trial = 0; trial < 300; trial++) {
      const a = BigInt(rnd()) << 32n | BigInt(rnd());
      let b = a;
      const flips = new Set<number>();
      while (flips.size < IMAGE_DUPLICATE_MAX_HAMMING) flips.add(rnd() % 64);
      for (const bit of flips) b ^= 1n << BigInt(bit);
      const ha = a.toString(16).padStart(16, '0');
      const hb = b.toString(16).padStart(16, '0');
      const bandsA = hashBands(ha);
      const bandsB = hashBands(hb);
      expect(bandsA.some((band, i) => bandProbes(band, radius).includes(bandsB[i]!))).toBe(true);
    }
  });
});

describe('findDuplicate', () => {
  const image = { sha256: 'a'.repeat(64), perceptualHash: 'ffff0000ffff0000' };
  it.each<[string, { imageId: string; batchId: string; sha256: string; perceptualHash: string | null }[], object | null]>([
    ['nothing else', [], null],
    ['the same bytes in another batch', [{ imageId: 'i1', batchId: 'b1', sha256: 'a'.repeat(64), perceptualHash: 'ffff0000ffff0000' }], { match: 'identical', otherImageId: 'i1' }],
    ['a near hash (3 bits)', [{ imageId: 'i2', batchId: 'b2', sha256: 'b'.repeat(64), perceptualHash: 'fff80000ffff0000' }], { match: 'similar', otherImageId: 'i2', hammingDistance: 3 }],
    ['a hash just beyond the threshold', [{ imageId: 'i3', batchId: 'b3', sha256: 'c'.repeat(64), perceptualHash: 'ffc00000ffff0000' }], null],
    [
      'the nearest of two near hashes',
      [
        { imageId: 'far', batchId: 'b', sha256: 'd'.repeat(64), perceptualHash: 'fff00000ffff0000' },
        { imageId: 'near', batchId: 'b', sha256: 'e'.repeat(64), perceptualHash: 'fffe0000ffff0000' },
      ],
      { otherImageId: 'near', hammingDistance: 1 },
    ],
  ])('%s', (_what, candidates, expected) => {
    const found = findDuplicate(image, candidates);
    if (expected === null) expect(found).toBeNull();
    else expect(found).toMatchObject({ kind: 'duplicate_image', details: expected });
  });
});
