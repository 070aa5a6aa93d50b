import {
  CHINA_BOUNDS,
  JILIN_BOUNDS,
  SITE_GEOFENCE_TOLERANCE_METRES,
  SITE_MAX_EXTENT_METRES,
  SITE_POLYGON_MAX_POINTS,
  SITE_RADIUS_MAX_METRES,
  SITE_RADIUS_MIN_METRES,
} from '../../../kernel/policy.ts';

/** [longitude, latitude] in degrees, WGS-84, GeoJSON order. */
export type LngLat = [number, number];

/**
 * A project's site (施工现场范围), used for geofencing images: a polygon ring of [lng, lat] points, closed (the last
 * point repeats the first), or a circle of a radius around a centre.
 */
export type SiteBoundary = { type: 'polygon'; ring: LngLat[] } | { type: 'circle'; center: LngLat; radiusMetres: number };

export interface GeoError {
  /** Relative to the input: `location`, `site.ring.3`, `site.radiusMetres`. */
  field: string;
  code: string;
  message: string;
}

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance (haversine), metres. */
export function distanceMetres(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Plane coordinates in metres around `origin` (equirectangular). Over a site's extent (≤ 30 km) the error is far
 * below a GNSS fix's, and it keeps the geometry simple and exact enough for inside/outside and edge distances.
 */
function projector(origin: LngLat): (p: LngLat) => [number, number] {
  const kx = Math.cos(origin[1] * RAD) * EARTH_RADIUS_M * RAD;
  const ky = EARTH_RADIUS_M * RAD;
  return (p) => [(p[0] - origin[0]) * kx, (p[1] - origin[1]) * ky];
}

type XY = [number, number];

function distanceToSegment(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Even-odd ray casting; a point exactly on an edge may fall either way, which the edge distance then settles. */
function insideRing(p: XY, ring: XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether `point` is on the site, or within `toleranceMetres` of its boundary (a GNSS fix is not exact).
 * Batches use it to flag images taken away from the project (an anomaly for review, never a rejection).
 */
export function isInsideSite(boundary: SiteBoundary, point: LngLat, toleranceMetres: number): boolean {
  if (boundary.type === 'circle') return distanceMetres(boundary.center, point) <= boundary.radiusMetres + toleranceMetres;
  const project = projector(point);
  const ring = boundary.ring.map(project);
  const p: XY = [0, 0];
  if (insideRing(p, ring)) return true;
  for (let i = 0; i + 1 < ring.length; i++) {
    if (distanceToSegment(p, ring[i]!, ring[i + 1]!) <= toleranceMetres) return true;
  }
  return false;
}

/** China's bounds first (a swapped lng/lat or a sign error lands outside), then Jilin's. */
export function checkPoint(p: LngLat, field: string): GeoError | null {
  const [lng, lat] = p;
  const within = (b: { minLng: number; maxLng: number; minLat: number; maxLat: number }) =>
    lng >= b.minLng && lng <= b.maxLng && lat >= b.minLat && lat <= b.maxLat;
  if (!within(CHINA_BOUNDS)) {
    return { field, code: 'LOCATION_OUTSIDE_CHINA', message: `坐标 (${lng}, ${lat}) 不在中国境内；请按 [经度, 纬度] 顺序填写 WGS-84 坐标` };
  }
  if (!within(JILIN_BOUNDS)) {
    return { field, code: 'LOCATION_OUTSIDE_JILIN', message: `坐标 (${lng}, ${lat}) 不在吉林省范围内` };
  }
  return null;
}

const cross = (o: XY, a: XY, b: XY) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const onSegment = (p: XY, a: XY, b: XY) =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

/** Whether segments ab and cd share any point (touching and collinear overlap included). */
function segmentsIntersect(a: XY, b: XY, c: XY, d: XY): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 === 0 && onSegment(a, c, d)) || (d2 === 0 && onSegment(b, c, d)) || (d3 === 0 && onSegment(c, a, b)) || (d4 === 0 && onSegment(d, a, b));
}

/**
 * Everything wrong with a site and the project's location point, field by field: a closed ring of at least 4 points
 * (a triangle and its closing point), within the policy's limits, inside China and Jilin, without repeated consecutive
 * points or crossing edges, enclosing an area; or a circle with a radius within limits. The location point must lie
 * on the site (within the geofence tolerance), else one of the two was mistyped.
 */
export function checkSite(site: SiteBoundary, location: LngLat): GeoError[] {
  const errors: GeoError[] = [];
  const locationError = checkPoint(location, 'location');
  if (locationError) errors.push(locationError);

  if (site.type === 'circle') {
    const centreError = checkPoint(site.center, 'site.center');
    if (centreError) errors.push(centreError);
    if (site.radiusMetres < SITE_RADIUS_MIN_METRES || site.radiusMetres > SITE_RADIUS_MAX_METRES) {
      errors.push({ field: 'site.radiusMetres', code: 'SITE_RADIUS_OUT_OF_RANGE', message: `现场半径应在 ${SITE_RADIUS_MIN_METRES}～${SITE_RADIUS_MAX_METRES} 米之间` });
    }
  } else {
    const ring = site.ring;
    if (ring.length < 4) {
      return [...errors, { field: 'site.ring', code: 'SITE_RING_TOO_FEW_POINTS', message: '现场范围至少需要 3 个顶点，且首尾闭合（共 4 个点）' }];
    }
    if (ring.length > SITE_POLYGON_MAX_POINTS) {
      return [...errors, { field: 'site.ring', code: 'SITE_RING_TOO_MANY_POINTS', message: `现场范围最多 ${SITE_POLYGON_MAX_POINTS} 个点` }];
    }
    const first = ring[0]!;
    const last = ring[ring.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      errors.push({ field: `site.ring.${ring.length - 1}`, code: 'SITE_RING_NOT_CLOSED', message: '现场范围未闭合：最后一个点应与第一个点相同' });
      return errors;
    }
    for (let i = 0; i < ring.length; i++) {
      const e = checkPoint(ring[i]!, `site.ring.${i}`);
      if (e) return [...errors, e];
    }
    for (let i = 1; i < ring.length; i++) {
      if (ring[i]![0] === ring[i - 1]![0] && ring[i]![1] === ring[i - 1]![1]) {
        return [...errors, { field: `site.ring.${i}`, code: 'SITE_POINT_REPEATED', message: `第 ${i + 1} 个点与前一个点重复` }];
      }
    }
    for (let i = 0; i < ring.length - 1; i++) {
      for (let j = i + 1; j < ring.length - 1; j++) {
        if (distanceMetres(ring[i]!, ring[j]!) > SITE_MAX_EXTENT_METRES) {
          return [...errors, { field: `site.ring.${j}`, code: 'SITE_TOO_LARGE', message: `现场范围跨度超过 ${SITE_MAX_EXTENT_METRES / 1000} 公里` }];
        }
      }
    }
    const project = projector(first);
    const xy = ring.map(project);
    const segments = xy.length - 1;
    for (let i = 0; i < segments; i++) {
      for (let j = i + 1; j < segments; j++) {
        const adjacent = j === i + 1 || (i === 0 && j === segments - 1);
        if (adjacent) continue;
        if (segmentsIntersect(xy[i]!, xy[i + 1]!, xy[j]!, xy[j + 1]!)) {
          return [...errors, { field: `site.ring.${j}`, code: 'SITE_RING_SELF_INTERSECTING', message: `现场范围的边自相交（第 ${i + 1} 条边与第 ${j + 1} 条边）` }];
        }
      }
    }
    let twiceArea = 0;
    for (let i = 0; i < segments; i++) twiceArea += xy[i]![0] * xy[i + 1]![1] - xy[i + 1]![0] * xy[i]![1];
    if (Math.abs(twiceArea) / 2 < 1) {
      return [...errors, { field: 'site.ring', code: 'SITE_AREA_ZERO', message: '现场范围面积为零（各点共线）' }];
    }
  }
  if (errors.length === 0 && !isInsideSite(site, location, SITE_GEOFENCE_TOLERANCE_METRES)) {
    errors.push({ field: 'location', code: 'PROJECT_LOCATION_OUTSIDE_SITE', message: '项目定位点不在现场范围内，请核对坐标' });
  }
  return errors;
}
