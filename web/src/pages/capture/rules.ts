import { DEADLINE_WARNING_BEFORE_MS, UPLOAD_DEADLINE_MS } from '../../../../src/kernel/policy.ts';
import { parseComponentId } from '../components/componentId.ts';

// Pure rules, with no browser API in their imports: tested by test/capture-phone-rules.test.ts under Node.

/** The policy's position limits as the server sends them with the challenges (api.ts ChallengePool). */
export interface PositionLimits {
  positionMaxAgeMs: number;
  positionMaxAccuracyMetres: number;
}

/** What the risk of a queued photo depends on (store.ts QueuedCapture). */
export interface QueuedTimes {
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  deadline: string | null;
  capturedAt: string;
  challengeExpiresAt: string;
}

/** A position fix as the phone keeps it. */
export interface Fix {
  lat: number;
  lng: number;
  accuracy: number;
  /** When the fix was taken (ms since epoch, the Geolocation API's timestamp). */
  at: number;
}

/**
 * Whether the fix may go into a capture now, by the limits the platform sent with the challenges (policy
 * CAPTURE_POSITION_MAX_AGE_MS / _MAX_ACCURACY_METRES); the reason in Chinese when not.
 */
export function fixProblem(fix: Fix | null, limits: PositionLimits, now: number): string | null {
  if (!fix) return '尚未取得定位';
  if (fix.accuracy > limits.positionMaxAccuracyMetres) return `定位精度 ${Math.round(fix.accuracy)} 米，超过 ${limits.positionMaxAccuracyMetres} 米的要求，请到开阔处等待定位`;
  if (now - fix.at > limits.positionMaxAgeMs) return `定位已过时（${Math.round((now - fix.at) / 1000)} 秒前），正在重新定位`;
  return null;
}

export type Risk = { level: 'ok' | 'warning' | 'overdue'; reason: string | null };

/**
 * Whether a photo not yet uploaded risks missing its deadline: the batch's upload deadline (declared completion + 2 h,
 * known when the batch had one at capture), two hours from capture (the notice's 2 hours counted from the
 * capture as a tester on site counts it), and the challenge's expiry (after which the platform refuses the signature).
 * Warning within DEADLINE_WARNING_BEFORE_MS of the earliest; overdue past it.
 */
export function queueRisk(q: QueuedTimes, now: number): Risk {
  if (q.state === 'done') return { level: 'ok', reason: null };
  const limits: [number, string][] = [[new Date(q.capturedAt).getTime() + UPLOAD_DEADLINE_MS, '拍摄后 2 小时']];
  if (q.deadline) limits.push([new Date(q.deadline).getTime(), '批次上传截止']);
  limits.push([new Date(q.challengeExpiresAt).getTime(), '挑战码失效']);
  const [at, what] = limits.sort((a, b) => a[0] - b[0])[0]!;
  if (now >= at) return { level: 'overdue', reason: `已过${what}时间` };
  if (at - now <= DEADLINE_WARNING_BEFORE_MS) return { level: 'warning', reason: `距${what}不足 ${Math.ceil((at - now) / 60_000)} 分钟` };
  return { level: 'ok', reason: null };
}

/** The component a scanned label names: its QR code holds the resolve address …/c/<id> (or, typed, the id alone). */
export function componentFromQr(text: string): string | null {
  const m = /\/c\/([^/?#]+)/.exec(text);
  try {
    return parseComponentId(decodeURIComponent(m ? m[1]! : text.trim()));
  } catch {
    // A malformed %-escape in someone else's QR code: not a label of ours.
    return null;
  }
}
