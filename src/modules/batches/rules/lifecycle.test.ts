import { describe, expect, it } from 'vitest';
import { CAPTURE_WINDOW_TOLERANCE_MS, CLIENT_CLOCK_TOLERANCE_MS } from '../../../kernel/policy.ts';
import {
  BATCH_ACTIONS,
  BATCH_STATUSES,
  captureOutsideWindow,
  capturedInFuture,
  checkCompletion,
  formatBatchNumber,
  isSupplementary,
  transition,
  type BatchAction,
  type BatchStatus,
} from './lifecycle.ts';

// Every (status, action) pair: where it leads, or the code it is refused with.
const TABLE: Record<BatchStatus, Record<BatchAction, BatchStatus | string>> = {
  opened: { upload: 'uploading', complete: 'completed', seal: 'BATCH_NOT_COMPLETED', approve: 'BATCH_NOT_SEALED', return: 'BATCH_NOT_SEALED', report: 'BATCH_NOT_REVIEWED', attest: 'opened', grant_exception: 'opened' },
  uploading: { upload: 'uploading', complete: 'completed', seal: 'BATCH_NOT_COMPLETED', approve: 'BATCH_NOT_SEALED', return: 'BATCH_NOT_SEALED', report: 'BATCH_NOT_REVIEWED', attest: 'uploading', grant_exception: 'uploading' },
  completed: { upload: 'completed', complete: 'BATCH_ALREADY_COMPLETED', seal: 'sealed', approve: 'BATCH_NOT_SEALED', return: 'BATCH_NOT_SEALED', report: 'BATCH_NOT_REVIEWED', attest: 'completed', grant_exception: 'completed' },
  sealed: { upload: 'BATCH_SEALED', complete: 'BATCH_ALREADY_COMPLETED', seal: 'BATCH_ALREADY_SEALED', approve: 'reviewed', return: 'completed', report: 'BATCH_NOT_REVIEWED', attest: 'sealed', grant_exception: 'BATCH_SEALED' },
  reviewed: { upload: 'BATCH_NOT_OPEN_FOR_UPLOAD', complete: 'BATCH_ALREADY_COMPLETED', seal: 'BATCH_ALREADY_SEALED', approve: 'BATCH_ALREADY_REVIEWED', return: 'BATCH_ALREADY_REVIEWED', report: 'reported', attest: 'BATCH_CLOSED', grant_exception: 'BATCH_CLOSED' },
  reported: { upload: 'BATCH_NOT_OPEN_FOR_UPLOAD', complete: 'BATCH_ALREADY_COMPLETED', seal: 'BATCH_ALREADY_SEALED', approve: 'BATCH_ALREADY_REVIEWED', return: 'BATCH_ALREADY_REVIEWED', report: 'BATCH_ALREADY_REPORTED', attest: 'BATCH_CLOSED', grant_exception: 'BATCH_CLOSED' },
};

describe('batch lifecycle', () => {
  const cases = BATCH_STATUSES.flatMap((s) => BATCH_ACTIONS.map((a) => [s, a, TABLE[s][a]] as const));
  it.each(cases)('%s + %s → %s', (status, action, expected) => {
    const t = transition(status, action);
    if ((BATCH_STATUSES as readonly string[]).includes(expected)) expect(t).toEqual({ ok: true, to: expected });
    else expect(t).toMatchObject({ ok: false, status: 409, code: expected });
  });

  it('every refusal carries a Chinese message', () => {
    for (const [s, a] of cases) {
      const t = transition(s, a);
      if (!t.ok) expect(t.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a locked batch cannot be reported, even when reviewed', () => {
    expect(transition('reviewed', 'report', true)).toMatchObject({ ok: false, code: 'BATCH_LOCKED' });
    expect(transition('reviewed', 'report', false)).toEqual({ ok: true, to: 'reported' });
  });

  it.each([
    [false, null, false],
    [true, new Date('2026-07-15T12:00:01+08:00'), true],
    // Unlocked by a department after handling: later uploads are still 补传 (DESIGN.md §2 rule 7).
    [false, new Date('2026-07-15T12:00:01+08:00'), true],
  ])('locked %s, lockedAt %s → supplementary %s', (locked, lockedAt, expected) => {
    expect(isSupplementary({ locked, lockedAt })).toBe(expected);
  });
});

describe('declared completion', () => {
  const opened = new Date('2026-07-15T08:00:00+08:00');
  const now = new Date('2026-07-15T11:00:00+08:00');
  const lastCapture = new Date('2026-07-15T10:30:00+08:00');
  it.each<[string, Date, Date | null, object]>([
    ['after the last capture', new Date('2026-07-15T10:45:00+08:00'), lastCapture, { ok: true, beforeCapture: false }],
    ['exactly at the last capture', lastCapture, lastCapture, { ok: true, beforeCapture: false }],
    ['1 ms before the last capture: accepted, flagged', new Date(lastCapture.getTime() - 1), lastCapture, { ok: true, beforeCapture: true }],
    ['with nothing captured yet', new Date('2026-07-15T09:00:00+08:00'), null, { ok: true, beforeCapture: false }],
    ['exactly at opening', opened, null, { ok: true, beforeCapture: false }],
    ['1 ms before opening', new Date(opened.getTime() - 1), null, { ok: false, code: 'COMPLETION_BEFORE_OPENING' }],
    ['within the clock tolerance ahead of now', new Date(now.getTime() + CLIENT_CLOCK_TOLERANCE_MS), null, { ok: true, beforeCapture: false }],
    ['beyond the clock tolerance', new Date(now.getTime() + CLIENT_CLOCK_TOLERANCE_MS + 1), null, { ok: false, code: 'COMPLETION_IN_FUTURE' }],
  ])('%s', (_l, t, last, expected) => {
    expect(checkCompletion(t, opened, now, last)).toMatchObject(expected);
  });
});

describe('capture window', () => {
  const opened = new Date('2026-07-15T08:00:00+08:00');
  const completed = new Date('2026-07-15T10:00:00+08:00');
  it.each<[string, Date, Date | null, string | null]>([
    ['at opening', opened, completed, null],
    ['1 s before opening (inside the tolerance images get too)', new Date(opened.getTime() - 1000), completed, null],
    ['at the tolerance before opening', new Date(opened.getTime() - CAPTURE_WINDOW_TOLERANCE_MS), completed, null],
    ['1 ms beyond the tolerance before opening', new Date(opened.getTime() - CAPTURE_WINDOW_TOLERANCE_MS - 1), completed, 'before_opening'],
    ['at completion', completed, completed, null],
    ['at the tolerance after completion', new Date(completed.getTime() + CAPTURE_WINDOW_TOLERANCE_MS), completed, null],
    ['1 ms beyond the tolerance after completion', new Date(completed.getTime() + CAPTURE_WINDOW_TOLERANCE_MS + 1), completed, 'after_completion'],
    ['long after opening, not completed yet', new Date('2026-07-16T08:00:00+08:00'), null, null],
  ])('%s → %s', (_l, at, c, expected) => {
    expect(captureOutsideWindow(at, opened, c)).toBe(expected);
  });

  it('a capture time beyond the clock tolerance is in the future', () => {
    const now = new Date('2026-07-15T10:00:00Z');
    expect(capturedInFuture(new Date(now.getTime() + CLIENT_CLOCK_TOLERANCE_MS), now)).toBe(false);
    expect(capturedInFuture(new Date(now.getTime() + CLIENT_CLOCK_TOLERANCE_MS + 1), now)).toBe(true);
  });
});

describe('batch numbers', () => {
  it.each([
    [2026, 1, 'JC-2026-000001'],
    [2026, 123, 'JC-2026-000123'],
    [2027, 999_999, 'JC-2027-999999'],
  ])('%i #%i → %s', (y, n, s) => expect(formatBatchNumber(y, n)).toBe(s));
  it.each([0, -1, 1_000_000, 1.5])('refuses sequence %s', (n) => expect(() => formatBatchNumber(2026, n)).toThrow(RangeError));
});
