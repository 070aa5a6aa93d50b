import { describe, expect, it } from 'vitest';
import { deadlineState, forceMajeureFilingAllowed, possiblyMissing, sealedOnTime, shouldLock, type BatchTiming } from './upload-deadline.ts';

const T = new Date('2026-07-15T10:00:00+08:00'); // declared completion
const at = (ms: number) => new Date(T.getTime() + ms);
const H = 3_600_000;
const base: BatchTiming = { openedAt: at(-3 * H), completedAt: T, sealedAt: null, forceMajeure: null };

describe('deadline = completion + 2 h', () => {
  it.each([
    ['sealed exactly at 2 h', at(2 * H), true],
    ['sealed 1 ms after 2 h', at(2 * H + 1), false],
    ['sealed well before', at(30 * 60_000), true],
  ])('%s → on time: %s', (_l, sealedAt, onTime) => {
    expect(sealedOnTime({ ...base, sealedAt })).toBe(onTime);
  });

  it.each([
    ['at the deadline', at(2 * H), false],
    ['1 ms past', at(2 * H + 1), true],
    ['before completion', at(-1), false],
  ])('unsealed, %s → lock: %s', (_l, now, lock) => {
    expect(shouldLock(base, now)).toBe(lock);
  });

  it('a batch sealed on time is never locked; one sealed late is', () => {
    expect(shouldLock({ ...base, sealedAt: at(2 * H) }, at(10 * H))).toBe(false);
    expect(shouldLock({ ...base, sealedAt: at(2 * H + 1) }, at(10 * H))).toBe(true);
  });

  it('an open batch has no deadline yet', () => {
    expect(deadlineState({ ...base, completedAt: null })).toEqual({ kind: 'open' });
    expect(shouldLock({ ...base, completedAt: null }, at(100 * H))).toBe(false);
  });
});

describe('force majeure (不可抗力报备)', () => {
  it.each([
    ['1:59:59', at(2 * H - 1000), true],
    ['exactly 2:00:00', at(2 * H), true],
    ['2:00:01', at(2 * H + 1000), false],
    ['before completion', at(-1000), false],
  ])('filed at %s after completion → allowed: %s', (_l, filedAt, ok) => {
    expect(forceMajeureFilingAllowed(T, filedAt)).toBe(ok);
  });

  it('a pending filing suspends the lock; an accepted uncleared one only until acceptance + 72 h + 2 h', () => {
    const pending = { ...base, forceMajeure: { filedAt: at(H), status: 'pending' as const, decidedAt: null, clearedAt: null } };
    expect(deadlineState(pending)).toMatchObject({ kind: 'suspended', reason: 'force_majeure_pending' });
    expect(shouldLock(pending, at(500 * H))).toBe(false);
    const uncleared = { ...base, forceMajeure: { filedAt: at(H), status: 'accepted' as const, decidedAt: at(H), clearedAt: null } };
    expect(shouldLock(uncleared, at(50 * H))).toBe(false);
  });

  it.each([
    ['exactly C + 2 h', 2 * H, false],
    ['1 ms past C + 2 h', 2 * H + 1, true],
  ])('accepted and cleared at C: unsealed at %s → lock: %s', (_l, afterClear, lock) => {
    const C = at(20 * H);
    const b = { ...base, forceMajeure: { filedAt: at(H), status: 'accepted' as const, decidedAt: at(H), clearedAt: C } };
    expect(deadlineState(b)).toEqual({ kind: 'running', deadline: new Date(C.getTime() + 2 * H), basis: 'force_majeure_cleared' });
    expect(shouldLock(b, new Date(C.getTime() + afterClear))).toBe(lock);
  });

  describe('⚙ suspension limit: accepted at A and not declared cleared by A + 72 h → treated as cleared at A + 72 h', () => {
    const A = at(90 * 60_000);
    const LIMIT = 72 * H;
    const accepted = (clearedAt: Date | null, sealedAt: Date | null = null): BatchTiming => ({
      ...base,
      sealedAt,
      forceMajeure: { filedAt: at(H), status: 'accepted', decidedAt: A, clearedAt },
    });
    const after = (ms: number) => new Date(A.getTime() + ms);

    it('uncleared: the deadline is A + 72 h + 2 h from acceptance on', () => {
      expect(deadlineState(accepted(null))).toEqual({ kind: 'running', deadline: after(LIMIT + 2 * H), basis: 'force_majeure_limit' });
    });

    it.each([
      ['at A + 72 h', LIMIT, false],
      ['exactly at A + 72 h + 2 h', LIMIT + 2 * H, false],
      ['1 ms past A + 72 h + 2 h', LIMIT + 2 * H + 1, true],
    ])('uncleared and unsealed %s → lock: %s', (_l, ms, lock) => {
      expect(shouldLock(accepted(null), after(ms))).toBe(lock);
    });

    it.each([
      ['exactly at A + 72 h + 2 h', LIMIT + 2 * H, true],
      ['1 ms past A + 72 h + 2 h', LIMIT + 2 * H + 1, false],
    ])('uncleared, sealed %s → on time: %s', (_l, ms, onTime) => {
      expect(sealedOnTime(accepted(null, after(ms)))).toBe(onTime);
    });

    it.each([
      ['cleared 1 h after acceptance', H, after(3 * H), 'force_majeure_cleared'],
      ['cleared exactly at the limit', LIMIT, after(LIMIT + 2 * H), 'force_majeure_cleared'],
      ['cleared 1 ms after the limit (declared late): the limit wins', LIMIT + 1, after(LIMIT + 2 * H), 'force_majeure_limit'],
    ])('%s → deadline as expected', (_l, clearedMs, deadline, basis) => {
      expect(deadlineState(accepted(after(clearedMs)))).toEqual({ kind: 'running', deadline, basis });
    });

    it('a clearing declared before the limit still wins: locked 1 ms after C + 2 h, long before the limit', () => {
      const b = accepted(after(10 * H));
      expect(shouldLock(b, after(12 * H))).toBe(false);
      expect(shouldLock(b, after(12 * H + 1))).toBe(true);
    });
  });

  it('a rejected filing restores the original deadline, so a batch past it locks at once', () => {
    const b = { ...base, forceMajeure: { filedAt: at(H), status: 'rejected' as const, decidedAt: at(H), clearedAt: null } };
    expect(deadlineState(b)).toEqual({ kind: 'running', deadline: at(2 * H), basis: 'completion' });
    expect(shouldLock(b, at(5 * H))).toBe(true);
  });
});

describe('possibly missing (漏传)', () => {
  it.each([
    ['exactly 24 h open', 24 * H, false],
    ['24 h + 1 ms open', 24 * H + 1, true],
  ])('%s → %s', (_l, ms, flagged) => {
    const opened = new Date('2026-07-15T08:00:00+08:00');
    expect(possiblyMissing({ openedAt: opened, completedAt: null, sealedAt: null, forceMajeure: null }, new Date(opened.getTime() + ms))).toBe(flagged);
  });
});
