import { describe, expect, it } from 'vitest';
import { checkChangeTiming } from './change-input.ts';

const now = new Date('2026-02-25T10:00:00+08:00');

describe('checkChangeTiming', () => {
  it.each([
    // changedAt, signedOn, expected problem (code@field) or null
    ['2026-02-13T09:30:00+08:00', '2026-02-13', null],
    ['2026-02-13T09:30:00+08:00', '2026-02-12', null],
    ['2026-02-25T10:00:00+08:00', '2026-02-25', null],
    ['2026-02-25T10:00:00.001+08:00', '2026-02-25', 'CHANGED_AT_IN_FUTURE@changedAt'],
    ['2026-02-13T09:30:00+08:00', '2026-02-14', 'CHANGED_BEFORE_SIGNED@changedAt'],
    ['2026-02-13T00:00:00+08:00', '2026-02-13', null],
    ['2026-02-12T23:59:59.999+08:00', '2026-02-13', 'CHANGED_BEFORE_SIGNED@changedAt'],
    ['2026-02-13T09:30:00+08:00', '2026-02-26', 'SIGNED_ON_IN_FUTURE@signedOn'],
    [null, '2026-02-25', null],
    [null, '2026-02-26', 'SIGNED_ON_IN_FUTURE@signedOn'],
    ['2026-02-13T09:30:00+08:00', null, null],
    ['2026-02-26T09:30:00+08:00', null, 'CHANGED_AT_IN_FUTURE@changedAt'],
  ])('changed %s, signed %s → %s', (changedAt, signedOn, expected) => {
    const p = checkChangeTiming({ changedAt: changedAt === null ? null : new Date(changedAt), signedOn }, now);
    expect(p === null ? null : `${p.code}@${p.field}`).toBe(expected);
  });
});
