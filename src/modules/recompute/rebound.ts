/**
 * 回弹法检测混凝土抗压强度 — JGJ/T 23-2011《回弹法检测混凝土抗压强度技术规程》, recomputed from the raw readings
 * (issue 12 item 3). Pure functions; every number below is the standard's, with its clause, table or appendix.
 *
 * Order of the calculation (§6.0.1–§6.0.4, §7):
 *  1. per test area (测区) 16 readings; drop the 3 highest and the 3 lowest, mean of the other 10 (式 6.0.1), to 0.1;
 *  2. not horizontal: angle correction Rm = Rmα + Raα (式 6.0.2, 附录 C);
 *  3. not on a side face: pouring-face correction Rm = Rm^t + Ra^t or Rm^b + Ra^b (式 6.0.3, 附录 D); when both apply,
 *     the angle correction first, then the face correction on the angle-corrected value (§6.0.4);
 *  4. the area's strength f_cu,i from Rm and the carbonation depth dm (mean to 0.5 mm; above 6.0 mm taken as 6.0):
 *     non-pumped concrete by the unified curve tabulated in 附录 A, pumped concrete by 附录 B:
 *     f = 0.034488 · Rm^1.9400 · 10^(−0.0173·dm);
 *  5. the member's estimate f_cu,e (§7.0.5): fewer than 10 test areas → the minimum area strength; 10 or more →
 *     m − 1.645·s; any area below 10.0 MPa → "< 10.0 MPa". Mean to 0.1 MPa, standard deviation to 0.01 MPa (§7.0.2).
 */

/** Readings per test area (§4.1.3 / §5.1.1: 16 回弹值 per 测区). */
export const READINGS_PER_AREA = 16;
/** Readings dropped at each end (式 6.0.1). */
export const DROPPED_EACH_END = 3;
/** Fewer test areas than this: the estimate is the minimum (§7.0.5 1). */
export const MIN_AREAS_FOR_STATISTICS = 10;
/** 式 7.0.5: f_cu,e = m − 1.645 s (95 % guarantee). */
export const ESTIMATE_K = 1.645;
/** 附录 A/B: the tables stop at 10.0 MPa below and 60.0 MPa above. */
export const STRENGTH_FLOOR_MPA = 10.0;
export const STRENGTH_CEILING_MPA = 60.0;
/** §6.0.5 / 附录 A, B: carbonation depths above 6.0 mm are taken as 6.0 mm. */
export const CARBONATION_CAP_MM = 6.0;

/** The angles of 附录 C (degrees; + upward, − downward). */
export const TEST_ANGLES = [90, 60, 45, 30, 0, -30, -45, -60, -90] as const;
export type TestAngle = (typeof TEST_ANGLES)[number];
export type TestFace = 'side' | 'top' | 'bottom';

/** Round half away from zero to `digits` decimals, the way the standard's values are written (GB/T 8170 in practice). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  const y = Math.abs(x) * f;
  // Guard against 2.675 → 2.67499999 in binary.
  const r = Math.round(y + 1e-9);
  return (Math.sign(x) * r) / f;
}

/** 式 6.0.1: the mean of the 10 middle readings of a test area, to 0.1. */
export function areaMeanRebound(readings: readonly number[]): number {
  if (readings.length !== READINGS_PER_AREA) throw new RangeError(`a test area has ${READINGS_PER_AREA} readings, got ${readings.length}`);
  const sorted = [...readings].sort((a, b) => a - b);
  const kept = sorted.slice(DROPPED_EACH_END, READINGS_PER_AREA - DROPPED_EACH_END);
  return round(kept.reduce((s, x) => s + x, 0) / kept.length, 1);
}

/**
 * 附录 C 表 C: Raα for Rmα = 20, 30, 40, 50 at each angle; between them by linear interpolation to 0.1 (the note to
 * the table), below 20 as at 20 and above 50 as at 50.
 */
export const ANGLE_CORRECTION_TABLE: Readonly<Record<Exclude<TestAngle, 0>, readonly [number, number, number, number]>> = {
  90: [-6.0, -5.0, -4.0, -3.5],
  60: [-5.0, -4.0, -3.5, -3.0],
  45: [-4.0, -3.5, -3.0, -2.5],
  30: [-3.0, -2.5, -2.0, -1.5],
  [-30]: [2.5, 2.0, 1.5, 1.0],
  [-45]: [3.0, 2.5, 2.0, 1.5],
  [-60]: [3.5, 3.0, 2.5, 2.0],
  [-90]: [4.0, 3.5, 3.0, 2.5],
};

/** 附录 D 表 D: Ra^t (浇筑表面) and Ra^b (浇筑底面) at Rm = 20, 25, 30, 35, 40, 45, 50; interpolated likewise. */
export const FACE_CORRECTION_TABLE: Readonly<Record<'top' | 'bottom', readonly number[]>> = {
  top: [2.5, 2.0, 1.5, 1.0, 0.5, 0.0, 0.0],
  bottom: [-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0],
};

function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  const cx = Math.min(Math.max(x, xs[0]!), xs[xs.length - 1]!);
  for (let i = 1; i < xs.length; i++) {
    if (cx <= xs[i]!) {
      const t = (cx - xs[i - 1]!) / (xs[i]! - xs[i - 1]!);
      return ys[i - 1]! + t * (ys[i]! - ys[i - 1]!);
    }
  }
  return ys[ys.length - 1]!;
}

/** 式 6.0.2 with 附录 C: the angle-corrected mean rebound, to 0.1. */
export function angleCorrected(rm: number, angle: TestAngle): number {
  if (angle === 0) return rm;
  return round(rm + round(interpolate([20, 30, 40, 50], ANGLE_CORRECTION_TABLE[angle], rm), 1), 1);
}

/** 式 6.0.3 with 附录 D: the face-corrected mean rebound, to 0.1. */
export function faceCorrected(rm: number, face: TestFace): number {
  if (face === 'side') return rm;
  return round(rm + round(interpolate([20, 25, 30, 35, 40, 45, 50], FACE_CORRECTION_TABLE[face], rm), 1), 1);
}

/** §6.0.4: angle first, then face. */
export function correctedRebound(rmAlpha: number, angle: TestAngle, face: TestFace): number {
  return faceCorrected(angleCorrected(rmAlpha, angle), face);
}

/** The carbonation depth as the tables read it: to 0.5 mm (§4.3 / §6.0.5), above 6.0 mm as 6.0. */
export function carbonationForTable(dm: number): number {
  if (!(dm >= 0)) throw new RangeError(`carbonation depth ${dm} mm`);
  return Math.min(round(dm * 2, 0) / 2, CARBONATION_CAP_MM);
}

/** A test area's strength: a value in MPa, or "below 10.0" / "above 60.0" where the tables stop. */
export type AreaStrength = { kind: 'value'; mpa: number } | { kind: 'below' } | { kind: 'above' };

/**
 * 附录 A (非泵送混凝土): the tabulated unified curve f = 0.025 · R^2.0108 · 10^(−0.0358·dm) (全国统一测强曲线), defined
 * for R from 20.0 to 60.0; below 20.0 and wherever the value falls under 10.0 the table prints "—" (< 10.0 MPa).
 */
export function nonPumpedStrength(rm: number, dm: number): AreaStrength {
  const d = carbonationForTable(dm);
  if (rm < 20.0) return { kind: 'below' };
  return bounded(0.025 * rm ** 2.0108 * 10 ** (-0.0358 * d));
}

/** 附录 B (泵送混凝土): f = 0.034488 · R^1.9400 · 10^(−0.0173·dm), R from 18.6. */
export function pumpedStrength(rm: number, dm: number): AreaStrength {
  const d = carbonationForTable(dm);
  if (rm < 18.6) return { kind: 'below' };
  return bounded(0.034488 * rm ** 1.94 * 10 ** (-0.0173 * d));
}

function bounded(f: number): AreaStrength {
  const v = round(f, 1);
  if (v < STRENGTH_FLOOR_MPA) return { kind: 'below' };
  if (v > STRENGTH_CEILING_MPA) return { kind: 'above' };
  return { kind: 'value', mpa: v };
}

export interface ReboundArea {
  /** The 16 readings as the instrument recorded them. */
  readings: readonly number[];
  /** This area's carbonation depth in mm (measured, or the member's mean where §4.3 allows). */
  carbonationDepth: number;
}

export interface ReboundInput {
  areas: readonly ReboundArea[];
  angle: TestAngle;
  face: TestFace;
  pumped: boolean;
}

export interface ReboundResult {
  areas: { meanRebound: number; correctedRebound: number; carbonation: number; strength: AreaStrength }[];
  testAreaCount: number;
  /** Mean of the corrected area rebounds, to 0.1 (what a record's "平均回弹值（修正后）" states). */
  meanRebound: number;
  /** Mean carbonation depth, to 0.5 mm. */
  carbonationDepth: number;
  /** m_fcu to 0.1 MPa, s_fcu to 0.01 MPa; null where an area has no value (below 10 or above 60). */
  strengthMean: number | null;
  strengthStdDev: number | null;
  /** The estimate f_cu,e (§7.0.5). */
  estimate: AreaStrength;
}

/** The whole calculation of one member (构件) from its test areas' readings (§6, §7). */
export function recomputeRebound(input: ReboundInput): ReboundResult {
  if (input.areas.length === 0) throw new RangeError('no test area');
  const areas = input.areas.map((a) => {
    const mean = areaMeanRebound(a.readings);
    const corrected = correctedRebound(mean, input.angle, input.face);
    const carbonation = carbonationForTable(a.carbonationDepth);
    const strength = input.pumped ? pumpedStrength(corrected, carbonation) : nonPumpedStrength(corrected, carbonation);
    return { meanRebound: mean, correctedRebound: corrected, carbonation, strength };
  });
  const n = areas.length;
  const meanRebound = round(areas.reduce((s, a) => s + a.correctedRebound, 0) / n, 1);
  const carbonationDepth = carbonationForTable(input.areas.reduce((s, a) => s + a.carbonationDepth, 0) / n);
  const values = areas.map((a) => (a.strength.kind === 'value' ? a.strength.mpa : null));
  const anyBelow = areas.some((a) => a.strength.kind === 'below');
  const allValues = values.every((v): v is number => v !== null);
  let strengthMean: number | null = null;
  let strengthStdDev: number | null = null;
  if (allValues) {
    const m = values.reduce((s, v) => s + v, 0) / n;
    strengthMean = round(m, 1);
    if (n > 1) strengthStdDev = round(Math.sqrt((values.reduce((s, v) => s + v * v, 0) - n * m * m) / (n - 1)), 2);
  }
  let estimate: AreaStrength;
  if (anyBelow) estimate = { kind: 'below' };
  else if (!allValues) estimate = n < MIN_AREAS_FOR_STATISTICS && values.some((v) => v !== null) ? { kind: 'value', mpa: Math.min(...values.filter((v): v is number => v !== null)) } : { kind: 'above' };
  else if (n < MIN_AREAS_FOR_STATISTICS) estimate = { kind: 'value', mpa: Math.min(...values) };
  else estimate = { kind: 'value', mpa: round(strengthMean! - ESTIMATE_K * strengthStdDev!, 1) };
  return { areas, testAreaCount: n, meanRebound, carbonationDepth, strengthMean, strengthStdDev, estimate };
}
