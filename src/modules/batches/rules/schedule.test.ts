import { describe, expect, it } from 'vitest';
import { deadlineSchedule } from './schedule.ts';
import type { BatchTiming } from './upload-deadline.ts';

const T = new Date('2026-07-15T10:00:00+08:00');
const at = (ms: number) => new Date(T.getTime() + ms);
const H = 3_600_000;
const MIN = 60_000;
const opened = at(-3 * H);
const base: BatchTiming = { openedAt: opened, completedAt: T, sealedAt: null, forceMajeure: null };
const clean = { everLocked: false, missingFlagged: false };

describe('deadlineSchedule: the instants the sweeper acts on', () => {
  it.each<[string, BatchTiming, { everLocked: boolean; missingFlagged: boolean }, { lockDueAt: Date | null; warnDueAt: Date | null; missingDueAt: Date | null }]>([
    ['open: only the 漏传 instant, 24 h after opening', { ...base, completedAt: null }, clean, { lockDueAt: null, warnDueAt: null, missingDueAt: at(-3 * H + 24 * H) }],
    ['open, already flagged: nothing', { ...base, completedAt: null }, { everLocked: false, missingFlagged: true }, { lockDueAt: null, warnDueAt: null, missingDueAt: null }],
    ['completed, unsealed: lock at T + 2 h, warn 30 min before', base, clean, { lockDueAt: at(2 * H), warnDueAt: at(2 * H - 30 * MIN), missingDueAt: null }],
    ['sealed exactly at the deadline: nothing', { ...base, sealedAt: at(2 * H) }, clean, { lockDueAt: null, warnDueAt: null, missingDueAt: null }],
    ['sealed 1 ms late, not yet locked: due at the deadline', { ...base, sealedAt: at(2 * H + 1) }, clean, { lockDueAt: at(2 * H), warnDueAt: null, missingDueAt: null }],
    ['locked before (then unlocked): never again', base, { everLocked: true, missingFlagged: false }, { lockDueAt: null, warnDueAt: null, missingDueAt: null }],
    ['filing pending: suspended', { ...base, forceMajeure: { filedAt: at(H), status: 'pending', decidedAt: null, clearedAt: null } }, clean, { lockDueAt: null, warnDueAt: null, missingDueAt: null }],
    ['filing accepted at A, not cleared: due at A + 72 h + 2 h', { ...base, forceMajeure: { filedAt: at(H), status: 'accepted', decidedAt: at(H), clearedAt: null } }, clean, { lockDueAt: at(75 * H), warnDueAt: at(75 * H - 30 * MIN), missingDueAt: null }],
    ['filing accepted, cleared at C: C + 2 h', { ...base, forceMajeure: { filedAt: at(H), status: 'accepted', decidedAt: at(H), clearedAt: at(5 * H) } }, clean, { lockDueAt: at(7 * H), warnDueAt: at(7 * H - 30 * MIN), missingDueAt: null }],
    ['filing rejected: the original deadline', { ...base, forceMajeure: { filedAt: at(H), status: 'rejected', decidedAt: at(H), clearedAt: null } }, clean, { lockDueAt: at(2 * H), warnDueAt: at(2 * H - 30 * MIN), missingDueAt: null }],
  ])('%s', (_label, timing, flags, expected) => {
    expect(deadlineSchedule(timing, flags)).toEqual(expected);
  });
});
