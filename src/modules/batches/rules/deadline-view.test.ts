import { describe, expect, it } from 'vitest';
import { DEADLINE_WARNING_BEFORE_MS, UPLOAD_DEADLINE_MS } from '../../../kernel/policy.ts';
import { deadlineView } from './deadline-view.ts';

const T = new Date('2026-07-15T10:00:00+08:00');
const at = (ms: number) => new Date(T.getTime() + ms);
const D = T.getTime() + UPLOAD_DEADLINE_MS;
const base = { openedAt: at(-3_600_000), completedAt: T, sealedAt: null, forceMajeure: null };

describe('deadline on the live board', () => {
  it('no completion declared: no deadline', () => {
    expect(deadlineView({ ...base, completedAt: null }, at(0))).toEqual({ state: 'open', deadline: null, basis: null, remainingMs: null, warning: false, overdue: false, sealedOnTime: null });
  });

  it.each<[string, number, object]>([
    ['just completed', 0, { remainingMs: UPLOAD_DEADLINE_MS, warning: false, overdue: false }],
    ['1 ms before the warning starts', UPLOAD_DEADLINE_MS - DEADLINE_WARNING_BEFORE_MS - 1, { warning: false }],
    ['at the warning', UPLOAD_DEADLINE_MS - DEADLINE_WARNING_BEFORE_MS, { warning: true, overdue: false }],
    ['exactly at the deadline', UPLOAD_DEADLINE_MS, { remainingMs: 0, warning: true, overdue: false }],
    ['1 ms past the deadline', UPLOAD_DEADLINE_MS + 1, { remainingMs: -1, warning: false, overdue: true }],
  ])('unsealed, %s', (_l, offset, expected) => {
    const v = deadlineView(base, at(offset));
    expect(v).toMatchObject({ state: 'running', deadline: new Date(D).toISOString(), basis: 'completion', sealedOnTime: null, ...expected });
  });

  it.each([
    ['sealed exactly at the deadline', D, true, false],
    ['sealed 1 ms late', D + 1, false, true],
  ])('%s → on time %s', (_l, sealedAt, onTime, overdue) => {
    const v = deadlineView({ ...base, sealedAt: new Date(sealedAt) }, at(10 * UPLOAD_DEADLINE_MS));
    expect(v).toMatchObject({ state: 'running', remainingMs: null, warning: false, sealedOnTime: onTime, overdue });
  });

  it('a pending force-majeure filing suspends the countdown', () => {
    const v = deadlineView({ ...base, forceMajeure: { filedAt: at(60_000), status: 'pending', decidedAt: null, clearedAt: null } }, at(3 * UPLOAD_DEADLINE_MS));
    expect(v).toMatchObject({ state: 'suspended', deadline: null, overdue: false });
  });
});
