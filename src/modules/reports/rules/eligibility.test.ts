import { describe, expect, it } from 'vitest';
import type { BatchStatus } from '../../batches/index.ts';
import { reportEligibility, supersedeEligibility } from './eligibility.ts';

describe('report eligibility', () => {
  it.each<[BatchStatus, boolean, string[], string | null]>([
    ['opened', false, [], 'BATCH_NOT_SEALED'],
    ['uploading', false, [], 'BATCH_NOT_SEALED'],
    ['completed', false, [], 'BATCH_NOT_SEALED'],
    ['completed', true, [], 'BATCH_NOT_SEALED'],
    ['sealed', false, [], 'BATCH_NOT_REVIEWED'],
    ['sealed', true, [], 'BATCH_NOT_REVIEWED'],
    ['reviewed', true, [], 'BATCH_LOCKED'],
    ['reviewed', true, ['检测设备未核验'], 'BATCH_LOCKED'],
    ['reviewed', false, ['检测设备未核验'], 'AGENCY_NOT_CONNECTED'],
    ['reviewed', false, [], null],
    ['reported', false, [], 'BATCH_ALREADY_REPORTED'],
    ['reported', true, [], 'BATCH_ALREADY_REPORTED'],
  ])('%s, locked %s, missing %j → %s', (status, locked, connectionMissing, code) => {
    const e = reportEligibility({ status, locked, connectionMissing });
    if (code === null) expect(e).toEqual({ ok: true });
    else expect(e).toMatchObject({ ok: false, code });
  });

  it('gives the lock and connection refusals in words a signatory can act on', () => {
    expect(reportEligibility({ status: 'reviewed', locked: true, connectionMissing: [] })).toMatchObject({ message: '批次报告生成权限已锁定，须经住建部门处理解锁' });
    expect(reportEligibility({ status: 'reviewed', locked: false, connectionMissing: ['资质证书未核验', '无在册人员'] })).toMatchObject({ message: expect.stringContaining('资质证书未核验；无在册人员') });
  });
});

describe('corrected report eligibility', () => {
  it.each<['valid' | 'superseded' | 'revoked', boolean, string[], string | null]>([
    ['valid', false, [], null],
    ['valid', true, [], 'BATCH_LOCKED'],
    ['valid', false, ['x'], 'AGENCY_NOT_CONNECTED'],
    ['superseded', false, [], 'REPORT_SUPERSEDED'],
    ['revoked', false, [], 'REPORT_REVOKED'],
  ])('%s, locked %s, missing %j → %s', (reportStatus, locked, connectionMissing, code) => {
    const e = supersedeEligibility({ reportStatus, locked, connectionMissing });
    if (code === null) expect(e).toEqual({ ok: true });
    else expect(e).toMatchObject({ ok: false, code });
  });
});
