import { describe, expect, it } from 'vitest';
import { describeAnomalies } from './simulate.ts';

describe("the simulator's closing line tells the truth about the batch's anomalies", () => {
  it('says 无异常 only for a batch without any', () => {
    expect(describeAnomalies([])).toContain('无异常');
  });
  it('names every kind with its count and how many block the report', () => {
    const line = describeAnomalies([
      { kind: 'witness_no_checkin', kindLabel: '见证人员未现场签到', status: 'open', blocking: true },
      { kind: 'record_missing_images', kindLabel: '原始记录缺少规定数量的过程影像', status: 'open', blocking: true },
      { kind: 'record_missing_images', kindLabel: '原始记录缺少规定数量的过程影像', status: 'acknowledged', blocking: true },
      { kind: 'witness_no_attestation', kindLabel: '见证人员未确认见证', status: 'open', blocking: false },
    ]);
    expect(line).not.toContain('无异常');
    expect(line).toContain('4 项异常');
    expect(line).toContain('原始记录缺少规定数量的过程影像（record_missing_images）×2');
    expect(line).toContain('其中 2 项待住建部门核查');
  });
});
