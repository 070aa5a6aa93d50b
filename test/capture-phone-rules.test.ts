import { describe, expect, it } from 'vitest';
import { CAPTURE_CHALLENGE_TTL_MS, CAPTURE_POSITION_MAX_ACCURACY_METRES, CAPTURE_POSITION_MAX_AGE_MS, DEADLINE_WARNING_BEFORE_MS, UPLOAD_DEADLINE_MS } from '../src/kernel/policy.ts';
import { componentIdFromBytes } from '../src/modules/components/index.ts';
import { componentFromQr, fixProblem, queueRisk } from '../web/src/pages/capture/rules.ts';

/** The console's 现场采集 rules (web/src/pages/capture/rules.ts), at their boundaries. */
const limits = { positionMaxAgeMs: CAPTURE_POSITION_MAX_AGE_MS, positionMaxAccuracyMetres: CAPTURE_POSITION_MAX_ACCURACY_METRES };
const T = Date.parse('2026-07-15T02:00:00Z');

describe('fixProblem (position limits sent by the server)', () => {
  it('accepts a fix at the limits and refuses one beyond them, with the reason', () => {
    expect(fixProblem(null, limits, T)).toBe('尚未取得定位');
    expect(fixProblem({ lat: 43.8, lng: 125.3, accuracy: CAPTURE_POSITION_MAX_ACCURACY_METRES, at: T - CAPTURE_POSITION_MAX_AGE_MS }, limits, T)).toBeNull();
    expect(fixProblem({ lat: 43.8, lng: 125.3, accuracy: CAPTURE_POSITION_MAX_ACCURACY_METRES + 1, at: T }, limits, T)).toMatch(/定位精度 51 米/);
    expect(fixProblem({ lat: 43.8, lng: 125.3, accuracy: 5, at: T - CAPTURE_POSITION_MAX_AGE_MS - 1000 }, limits, T)).toMatch(/已过时/);
  });
});

describe('queueRisk', () => {
  const capturedAt = new Date(T).toISOString();
  const base = { state: 'waiting' as const, deadline: null, capturedAt, challengeExpiresAt: new Date(T + CAPTURE_CHALLENGE_TTL_MS).toISOString() };
  it('is ok until the warning window of the earliest limit, warning inside it, overdue past it', () => {
    const due = T + UPLOAD_DEADLINE_MS;
    expect(queueRisk(base, due - DEADLINE_WARNING_BEFORE_MS - 1).level).toBe('ok');
    expect(queueRisk(base, due - DEADLINE_WARNING_BEFORE_MS)).toMatchObject({ level: 'warning', reason: expect.stringContaining('拍摄后 2 小时') });
    expect(queueRisk(base, due).level).toBe('overdue');
  });
  it("takes the batch's deadline when it comes first, and never flags an uploaded photo", () => {
    const deadline = new Date(T + 10 * 60_000).toISOString();
    expect(queueRisk({ ...base, deadline }, T)).toMatchObject({ level: 'warning', reason: expect.stringContaining('批次上传截止') });
    expect(queueRisk({ ...base, deadline, state: 'done' }, T + UPLOAD_DEADLINE_MS * 5).level).toBe('ok');
  });
});

describe('componentFromQr', () => {
  const code = componentIdFromBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7]));
  it("reads a label's resolve address or the ID alone; anything else is not a component", () => {
    expect(componentFromQr(`https://qtrace.example.cn/c/${code}`)).toBe(code);
    expect(componentFromQr(code.toLowerCase())).toBe(code);
    expect(componentFromQr('https://weixin.qq.com/x/abc')).toBeNull();
    expect(componentFromQr('https://qtrace.example.cn/c/%E0%A4%A')).toBeNull();
  });
});
