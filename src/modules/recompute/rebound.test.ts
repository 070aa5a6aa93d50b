import { describe, expect, it } from 'vitest';
import {
  angleCorrected,
  areaMeanRebound,
  carbonationForTable,
  correctedRebound,
  faceCorrected,
  nonPumpedStrength,
  pumpedStrength,
  recomputeRebound,
  type TestAngle,
  type TestFace,
} from './rebound.ts';

/** 16 readings whose 10 middle ones average exactly `mean` (3 low and 3 high outliers are dropped). */
function readingsFor(mean: number): number[] {
  const mid = Array.from({ length: 10 }, (_, i) => mean + (i % 2 === 0 ? 1 : -1));
  return [mean - 9, mean - 8, mean - 7, ...mid, mean + 7, mean + 8, mean + 9];
}

describe('式 6.0.1: mean of the 10 middle readings', () => {
  it('drops the 3 highest and 3 lowest of 16 and rounds to 0.1', () => {
    expect(areaMeanRebound([32, 35, 36, 38, 34, 36, 37, 35, 33, 39, 41, 36, 35, 34, 37, 36])).toBe(35.7);
    expect(areaMeanRebound(readingsFor(28))).toBe(28);
  });
  it('refuses an area without its 16 readings', () => {
    expect(() => areaMeanRebound([30, 31, 32])).toThrow(RangeError);
  });
});

describe('附录 C: angle correction (Rm = Rmα + Raα), 附录 D: pouring-face correction', () => {
  it.each<[number, TestAngle, number]>([
    [35.7, 90, 31.3], // Raα = −5.0 + 0.57 × 1.0 = −4.43 → −4.4
    [35.7, -90, 38.9], // +3.5 − 0.57 × 0.5 = +3.215 → +3.2
    [20, 60, 15], // table row 20, +60°: −5.0
    [50, -45, 51.5], // table row 50, −45°: +1.5
    [18, 30, 15], // below 20 read as 20: −3.0
    [55, -90, 57.5], // above 50 read as 50: +2.5
    [30, 45, 26.5], // row 30, +45°: −3.5
    [40, -30, 41.5], // row 40, −30°: +1.5
    [35.7, 0, 35.7], // horizontal: none
  ])('Rmα %s at %s° → %s', (rm, angle, expected) => expect(angleCorrected(rm, angle)).toBe(expected));

  it.each<[number, TestFace, number]>([
    [35.7, 'top', 36.6], // Ra^t = 1.0 − 0.7/5 × 0.5 = 0.93 → 0.9
    [35.7, 'bottom', 34.3], // Ra^b = −1.5 + 0.07 = −1.43 → −1.4
    [20, 'bottom', 17], // row 20: −3.0
    [45, 'top', 45], // row 45: 0
    [25, 'top', 27], // row 25: +2.0
    [35.7, 'side', 35.7],
  ])('Rm %s on the %s face → %s', (rm, face, expected) => expect(faceCorrected(rm, face)).toBe(expected));

  it('§6.0.4: angle first, then the face on the angle-corrected value (upward onto a slab soffit)', () => {
    // 35.7 at +90° → 31.3; bottom face at 31.3: −2.0 + 1.3/5 × 0.5 = −1.87 → −1.9 → 29.4
    expect(correctedRebound(35.7, 90, 'bottom')).toBe(29.4);
  });
});

describe('carbonation depth as the tables read it', () => {
  it.each([
    [0, 0],
    [1.2, 1.0],
    [1.3, 1.5],
    [5.9, 6.0],
    [7.0, 6.0],
    [12, 6.0],
  ])('%s mm → %s mm', (dm, expected) => expect(carbonationForTable(dm)).toBe(expected));
});

describe('附录 A (non-pumped) and 附录 B (pumped) conversion', () => {
  it.each<[string, number, number, ReturnType<typeof nonPumpedStrength>]>([
    ['non-pumped R 20.0 dm 0', 20, 0, { kind: 'value', mpa: 10.3 }],
    ['non-pumped R 30.0 dm 0', 30, 0, { kind: 'value', mpa: 23.3 }],
    ['non-pumped R 40.0 dm 2.0', 40, 2, { kind: 'value', mpa: 35.3 }],
    ['non-pumped R 40.0 dm ≥ 6', 40, 6, { kind: 'value', mpa: 25.4 }],
    ['non-pumped R 30.0 dm 8 (read as 6.0)', 30, 8, { kind: 'value', mpa: 14.2 }],
    ['non-pumped R 20.0 dm 0.5: under 10.0', 20, 0.5, { kind: 'below' }],
    ['non-pumped R 19.5: off the table', 19.5, 0, { kind: 'below' }],
    ['non-pumped R 54.0 dm 0: over 60.0', 54, 0, { kind: 'above' }],
  ])('%s', (_l, r, d, expected) => expect(nonPumpedStrength(r, d)).toEqual(expected));

  it.each<[string, number, number, ReturnType<typeof pumpedStrength>]>([
    ['pumped R 18.6 dm 0: the table starts at 10.0', 18.6, 0, { kind: 'value', mpa: 10.0 }],
    ['pumped R 30.0 dm 0', 30, 0, { kind: 'value', mpa: 25.3 }],
    ['pumped R 30.0 dm 6', 30, 6, { kind: 'value', mpa: 19.9 }],
    ['pumped R 40.0 dm 6', 40, 6, { kind: 'value', mpa: 34.8 }],
    ['pumped R 50.0 dm 1: over 60.0', 50, 1, { kind: 'above' }],
    ['pumped R 18.0: off the table', 18, 0, { kind: 'below' }],
  ])('%s', (_l, r, d, expected) => expect(pumpedStrength(r, d)).toEqual(expected));
});

describe('§7.0.5: the estimate of a member', () => {
  it('10 or more test areas: m − 1.645 s (non-pumped, horizontal, side face, dm 1.0)', () => {
    const areas = [30, 31, 32, 33, 34, 35, 36, 37, 38, 39].map((m) => ({ readings: readingsFor(m), carbonationDepth: 1 }));
    const r = recomputeRebound({ areas, angle: 0, face: 'side', pumped: false });
    expect(r.areas.map((a) => (a.strength.kind === 'value' ? a.strength.mpa : null))).toEqual([21.5, 23, 24.5, 26, 27.6, 29.3, 31, 32.8, 34.6, 36.4]);
    expect(r).toMatchObject({ testAreaCount: 10, meanRebound: 34.5, carbonationDepth: 1, strengthMean: 28.7, strengthStdDev: 5.02, estimate: { kind: 'value', mpa: 20.4 } });
  });

  it('fewer than 10 test areas: the minimum area strength (pumped, dm 2.0)', () => {
    const areas = [34, 36, 35, 38, 33].map((m) => ({ readings: readingsFor(m), carbonationDepth: 2 }));
    const r = recomputeRebound({ areas, angle: 0, face: 'side', pumped: true });
    expect(r.areas.map((a) => (a.strength.kind === 'value' ? a.strength.mpa : null))).toEqual([29.8, 33.3, 31.5, 37, 28.1]);
    expect(r.estimate).toEqual({ kind: 'value', mpa: 28.1 });
  });

  it('a test area below 10.0 MPa: the estimate is "< 10.0 MPa"', () => {
    const areas = [22, 30, 31].map((m, i) => ({ readings: readingsFor(m), carbonationDepth: i === 0 ? 6 : 1 }));
    const r = recomputeRebound({ areas, angle: 0, face: 'side', pumped: false });
    expect(r.areas[0]!.strength).toEqual({ kind: 'below' });
    expect(r.estimate).toEqual({ kind: 'below' });
    expect(r.strengthMean).toBeNull();
  });

  it('angle and face corrections flow into the strength (upward onto a soffit, non-pumped, dm 0)', () => {
    const r = recomputeRebound({ areas: [{ readings: [32, 35, 36, 38, 34, 36, 37, 35, 33, 39, 41, 36, 35, 34, 37, 36], carbonationDepth: 0 }], angle: 90, face: 'bottom', pumped: false });
    expect(r.areas[0]).toMatchObject({ meanRebound: 35.7, correctedRebound: 29.4, strength: { kind: 'value', mpa: 22.4 } });
  });
});
