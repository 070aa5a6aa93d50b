import { describe, expect, it } from 'vitest';
import { SITE_GEOFENCE_TOLERANCE_METRES, SITE_RADIUS_MAX_METRES, SITE_RADIUS_MIN_METRES } from '../../../kernel/policy.ts';
import { checkSite, distanceMetres, isInsideSite, type LngLat, type SiteBoundary } from './geo.ts';

// A site in 南关区, 长春: 200 m × 200 m around (125.3500, 43.8700).
const LAT0 = 43.87;
const LNG0 = 125.35;
const M_PER_DEG_LAT = 111_195;
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);
/** The point `east` and `north` metres from the origin. */
const at = (east: number, north: number): LngLat => [LNG0 + east / M_PER_DEG_LNG, LAT0 + north / M_PER_DEG_LAT];
const ring = (...pts: [number, number][]): LngLat[] => pts.map(([e, n]) => at(e, n));
const square: SiteBoundary = { type: 'polygon', ring: ring([0, 0], [200, 0], [200, 200], [0, 200], [0, 0]) };
// An L: the north-east quarter of a 200 m square is cut out.
const ell: SiteBoundary = { type: 'polygon', ring: ring([0, 0], [200, 0], [200, 100], [100, 100], [100, 200], [0, 200], [0, 0]) };
const circle: SiteBoundary = { type: 'circle', center: at(100, 100), radiusMetres: 150 };

describe('distanceMetres', () => {
  it('measures one degree of latitude and a known city distance', () => {
    expect(distanceMetres([125, 43], [125, 44])).toBeCloseTo(111_195, -1);
    // 长春 (125.3245, 43.8868) to 吉林 (126.5496, 43.8378): about 98.5 km.
    expect(distanceMetres([125.3245, 43.8868], [126.5496, 43.8378]) / 1000).toBeCloseTo(98.5, 0);
  });
});

describe('isInsideSite', () => {
  it.each<[string, SiteBoundary, LngLat, number, boolean]>([
    ['the middle of the square', square, at(100, 100), 0, true],
    ['a corner of the square', square, at(200, 200), 0, true],
    ['on an edge', square, at(100, 0), 0, true],
    ['3 km east', square, at(3_200, 100), SITE_GEOFENCE_TOLERANCE_METRES, false],
    ['3 km south', square, at(100, -3_000), SITE_GEOFENCE_TOLERANCE_METRES, false],
    ['30 m outside the east edge, within tolerance', square, at(230, 100), SITE_GEOFENCE_TOLERANCE_METRES, true],
    ['49 m outside the north edge, within tolerance', square, at(100, 249), SITE_GEOFENCE_TOLERANCE_METRES, true],
    ['51 m outside the north edge', square, at(100, 251), SITE_GEOFENCE_TOLERANCE_METRES, false],
    ['30 m outside without tolerance', square, at(230, 100), 0, false],
    ['diagonally off a corner: 40 m away', square, at(228.28, 228.28), SITE_GEOFENCE_TOLERANCE_METRES, true],
    ['diagonally off a corner: 60 m away', square, at(242.43, 242.43), SITE_GEOFENCE_TOLERANCE_METRES, false],
    ['inside the L', ell, at(50, 150), 0, true],
    ['in the L\'s notch, far from its edges', ell, at(180, 180), SITE_GEOFENCE_TOLERANCE_METRES, false],
    ['in the L\'s notch, near its inner corner', ell, at(120, 120), SITE_GEOFENCE_TOLERANCE_METRES, true],
    ['the circle\'s centre', circle, at(100, 100), 0, true],
    ['just inside the circle\'s tolerance', circle, at(100 + 150 + 49, 100), SITE_GEOFENCE_TOLERANCE_METRES, true],
    ['just outside the circle\'s tolerance', circle, at(100 + 150 + 51, 100), SITE_GEOFENCE_TOLERANCE_METRES, false],
  ])('%s → %s', (_what, site, point, tolerance, expected) => {
    expect(isInsideSite(site, point, tolerance)).toBe(expected);
  });
});

describe('checkSite', () => {
  const centre = at(100, 100);
  it.each<[string, SiteBoundary, LngLat, { field: string; code: string } | null]>([
    ['a valid square', square, centre, null],
    ['a valid concave polygon', ell, at(50, 50), null],
    ['a valid circle', circle, centre, null],
    ['a ring that is not closed', { type: 'polygon', ring: ring([0, 0], [200, 0], [200, 200], [0, 200]) }, centre, { field: 'site.ring.3', code: 'SITE_RING_NOT_CLOSED' }],
    ['a ring of three points', { type: 'polygon', ring: ring([0, 0], [200, 0], [0, 0]) }, centre, { field: 'site.ring', code: 'SITE_RING_TOO_FEW_POINTS' }],
    ['a bow tie', { type: 'polygon', ring: ring([0, 0], [200, 200], [200, 0], [0, 200], [0, 0]) }, centre, { field: 'site.ring.2', code: 'SITE_RING_SELF_INTERSECTING' }],
    ['a repeated point', { type: 'polygon', ring: ring([0, 0], [200, 0], [200, 0], [200, 200], [0, 0]) }, centre, { field: 'site.ring.2', code: 'SITE_POINT_REPEATED' }],
    ['collinear points', { type: 'polygon', ring: ring([0, 0], [100, 0], [200, 0], [0, 0]) }, at(50, 0), { field: 'site.ring', code: 'SITE_AREA_ZERO' }],
    ['latitude and longitude swapped', square, [LAT0, LNG0], { field: 'location', code: 'LOCATION_OUTSIDE_CHINA' }],
    ['a point in Beijing', { type: 'circle', center: [116.397, 39.909], radiusMetres: 100 }, [116.397, 39.909], { field: 'location', code: 'LOCATION_OUTSIDE_JILIN' }],
    ['a vertex outside Jilin', { type: 'polygon', ring: [at(0, 0), at(200, 0), [116.397, 39.909], at(0, 0)] }, centre, { field: 'site.ring.2', code: 'LOCATION_OUTSIDE_JILIN' }],
    ['a radius below the minimum', { type: 'circle', center: centre, radiusMetres: SITE_RADIUS_MIN_METRES - 1 }, centre, { field: 'site.radiusMetres', code: 'SITE_RADIUS_OUT_OF_RANGE' }],
    ['a radius above the maximum', { type: 'circle', center: centre, radiusMetres: SITE_RADIUS_MAX_METRES + 1 }, centre, { field: 'site.radiusMetres', code: 'SITE_RADIUS_OUT_OF_RANGE' }],
    ['a location 3 km from the site', square, at(3_000, 3_000), { field: 'location', code: 'PROJECT_LOCATION_OUTSIDE_SITE' }],
    ['a site 40 km long', { type: 'polygon', ring: ring([0, 0], [40_000, 0], [40_000, 100], [0, 100], [0, 0]) }, at(50, 50), { field: 'site.ring.1', code: 'SITE_TOO_LARGE' }],
  ])('%s', (_what, site, location, expected) => {
    const errors = checkSite(site, location);
    if (expected === null) expect(errors).toEqual([]);
    else expect(errors[0]).toMatchObject(expected);
  });

  it('accepts the radius limits themselves', () => {
    for (const radiusMetres of [SITE_RADIUS_MIN_METRES, SITE_RADIUS_MAX_METRES]) {
      expect(checkSite({ type: 'circle', center: centre, radiusMetres }, centre)).toEqual([]);
    }
  });
});
