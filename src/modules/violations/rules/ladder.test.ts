import { describe, expect, it } from 'vitest';
import { exemptFromCreditRecord, proposeRung, type LadderInput } from './ladder.ts';

const now = new Date('2026-09-01T12:00:00+08:00');
const v = (id: string, severity: 'minor' | 'serious' = 'minor') => ({ id, occurredAt: new Date('2026-08-01T10:00:00+08:00'), severity });
const none: LadderInput = { violations: [], supplementaryUploads: 0, rectifications: [] };

describe('proposeRung (三(一) 分级处置)', () => {
  it.each<[string, LadderInput, string, boolean]>([
    ['a clean year', none, 'none', false],
    ['first minor violation → 约谈提醒', { ...none, violations: [v('a')] }, 'interview', false],
    ['2 violations → 限期整改', { ...none, violations: [v('a'), v('b')] }, 'rectification', true],
    ['1 supplementary upload is not "超1次"', { ...none, supplementaryUploads: 1 }, 'none', false],
    ['2 supplementary uploads → 限期整改', { ...none, supplementaryUploads: 2 }, 'rectification', true],
    ['3 violations → 行政处罚', { ...none, violations: [v('a'), v('b'), v('c')] }, 'penalty', true],
    ['one serious violation → 行政处罚 at once', { ...none, violations: [v('a', 'serious')] }, 'penalty', true],
    ['rectification rejected → 行政处罚', { ...none, violations: [v('a'), v('b')], rectifications: [{ dueAt: new Date('2026-09-30T00:00:00+08:00'), status: 'rejected', decidedAt: now }] }, 'penalty', true],
    ['rectification open and overdue → 行政处罚', { ...none, violations: [v('a'), v('b')], rectifications: [{ dueAt: new Date(now.getTime() - 1), status: 'open', decidedAt: null }] }, 'penalty', true],
    ['rectification open, due exactly now → still 限期整改', { ...none, violations: [v('a'), v('b')], rectifications: [{ dueAt: now, status: 'open', decidedAt: null }] }, 'rectification', true],
    ['rectification accepted on time → stays 限期整改', { ...none, violations: [v('a'), v('b')], rectifications: [{ dueAt: now, status: 'accepted', decidedAt: now }] }, 'rectification', true],
  ])('%s', (_label, input, rung, key) => {
    const p = proposeRung(input, now);
    expect(p.rung).toBe(rung);
    expect(p.keySupervision).toBe(key);
  });

  it('gives its reasons', () => {
    expect(proposeRung({ violations: [v('a'), v('b', 'serious')], supplementaryUploads: 3, rectifications: [] }, now).reasons).toEqual([
      'violations_reached_rectification',
      'supplementary_uploads_exceeded',
      'serious_violation',
    ]);
    expect(proposeRung({ ...none, violations: [v('a')] }, now).reasons).toEqual(['first_minor_violation']);
  });
});

describe('trial period exemption (五)', () => {
  const base = { type: 'late_upload', intentional: false, interviewCompletedOnTime: true, rectificationCompletedOnTime: true };
  it.each([
    ['May 2026, unintentional, handled on time', { ...base, occurredAt: new Date('2026-05-20T10:00:00+08:00') }, true],
    ['last instant of the trial period', { ...base, occurredAt: new Date('2026-06-30T23:59:59.999+08:00') }, true],
    ['first instant of full enforcement', { ...base, occurredAt: new Date('2026-07-01T00:00:00+08:00') }, false],
    ['July 2026', { ...base, occurredAt: new Date('2026-07-20T10:00:00+08:00') }, false],
    ['May 2026 but intentional', { ...base, intentional: true, occurredAt: new Date('2026-05-20T10:00:00+08:00') }, false],
    ['May 2026, intent undetermined', { ...base, intentional: null, occurredAt: new Date('2026-05-20T10:00:00+08:00') }, false],
    ['May 2026, rectification late', { ...base, rectificationCompletedOnTime: false, occurredAt: new Date('2026-05-20T10:00:00+08:00') }, false],
    ['May 2026, tampering is never exempt', { ...base, type: 'tampered_data', occurredAt: new Date('2026-05-20T10:00:00+08:00') }, false],
    ['May 2026, missing upload', { ...base, type: 'missing_upload', occurredAt: new Date('2026-05-20T10:00:00+08:00') }, true],
  ])('%s → exempt: %s', (_l, input, exempt) => {
    expect(exemptFromCreditRecord(input)).toBe(exempt);
  });
});
