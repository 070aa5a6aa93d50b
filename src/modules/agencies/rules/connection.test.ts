import { describe, expect, it } from 'vitest';
import { evaluateConnection, type ConnectionFacts } from './connection.ts';

const inForce = { validFrom: '2025-01-01', validTo: '2027-12-31' };
const lapsed = { validFrom: '2023-01-01', validTo: '2024-12-31' };
const NOW = new Date('2026-03-15T10:00:00+08:00');

/** A local agency that meets every item; each case breaks one. */
const connected: ConnectionFacts = {
  origin: 'local',
  usccDivision: '220102',
  filings: [],
  verifiedQualifications: [inForce],
  verifiedEquipment: [{ calibrations: [inForce] }],
  activePersonnel: [{ certificates: [inForce] }],
};

const failing = (f: ConnectionFacts, now = NOW) =>
  evaluateConnection(f, now)
    .checklist.filter((c) => !c.ok)
    .map((c) => c.item);

describe('connection status (一(一)), computed from the registries', () => {
  it('a local agency with a verified qualification, calibrated equipment and certified personnel is connected', () => {
    const s = evaluateConnection(connected, NOW);
    expect(s.connected).toBe(true);
    expect(s.checklist.map((c) => c.item)).toEqual(['origin', 'qualification', 'equipment', 'personnel']);
    expect(s.checklist.every((c) => c.ok && c.message.length > 0)).toBe(true);
  });

  it.each<[string, Partial<ConnectionFacts>, string[], RegExp]>([
    ['origin never declared', { origin: null }, ['origin'], /尚未登记机构来源/],
    ['local, but no USCC registered', { usccDivision: null }, ['origin'], /尚未登记机构的统一社会信用代码/],
    ['declared local, USCC issued outside Jilin', { usccDivision: '210100' }, ['origin'], /非本省注册/],
    ['out of province without a 入吉备案', { origin: 'out_of_province', filings: [] }, ['origin'], /尚未登记入吉备案/],
    ['out of province, 入吉备案 pending', { origin: 'out_of_province', filings: [{ ...inForce, status: 'pending' }] }, ['origin'], /^入吉备案待住建部门核验$/],
    ['out of province, 入吉备案 rejected', { origin: 'out_of_province', filings: [{ ...inForce, status: 'rejected' }] }, ['origin'], /未通过住建部门核验/],
    ['out of province, verified 入吉备案 expired', { origin: 'out_of_province', filings: [{ ...lapsed, status: 'verified' }] }, ['origin'], /入吉备案已于 2024-12-31 到期/],
    ['out of province, verified expired, renewal pending', { origin: 'out_of_province', filings: [{ ...inForce, status: 'pending' }, { ...lapsed, status: 'verified' }] }, ['origin'], /待住建部门核验/],
    ['out of province, verified 入吉备案 not yet in force', { origin: 'out_of_province', filings: [{ validFrom: '2026-04-01', validTo: '2028-03-31', status: 'verified' }] }, ['origin'], /2026-04-01 起生效/],
    ['no verified qualification', { verifiedQualifications: [] }, ['qualification'], /没有经住建部门核验的资质证书/],
    ['only lapsed qualifications', { verifiedQualifications: [lapsed] }, ['qualification'], /均不在有效期内/],
    ['no verified equipment', { verifiedEquipment: [] }, ['equipment'], /没有经住建部门核验的检测设备/],
    ['verified equipment without calibration', { verifiedEquipment: [{ calibrations: [] }] }, ['equipment'], /检定\/校准证书/],
    ['verified equipment, calibration expired', { verifiedEquipment: [{ calibrations: [lapsed] }] }, ['equipment'], /检定\/校准证书/],
    ['no active personnel', { activePersonnel: [] }, ['personnel'], /没有在职的注册检测人员/],
    ['active personnel whose certificates lapsed', { activePersonnel: [{ certificates: [lapsed] }] }, ['personnel'], /岗位证书/],
  ])('%s → not connected, naming it', (_label, change, items, message) => {
    const s = evaluateConnection({ ...connected, ...change }, NOW);
    expect(s.connected).toBe(false);
    expect(failing({ ...connected, ...change })).toEqual(items);
    expect(s.checklist.find((c) => c.item === items[0])!.message).toMatch(message);
  });

  it('an out-of-province agency with a verified 入吉备案 in force is connected, whatever its USCC says', () => {
    const s = evaluateConnection({ ...connected, origin: 'out_of_province', usccDivision: '210100', filings: [{ ...inForce, status: 'verified' }] }, NOW);
    expect(s.connected).toBe(true);
    expect(s.checklist[0]!.message).toBe('入吉备案经住建部门核验有效（至 2027-12-31）');
  });

  it('a verified 入吉备案 in force keeps counting while a changed one waits for verification', () => {
    const f: ConnectionFacts = { ...connected, origin: 'out_of_province', filings: [{ ...inForce, status: 'pending' }, { ...inForce, status: 'verified' }] };
    expect(evaluateConnection(f, NOW).connected).toBe(true);
  });

  it('lists every missing item at once', () => {
    expect(failing({ origin: null, usccDivision: null, filings: [], verifiedQualifications: [], verifiedEquipment: [], activePersonnel: [] })).toEqual([
      'origin',
      'qualification',
      'equipment',
      'personnel',
    ]);
  });

  it('one calibrated device among uncalibrated ones suffices; so does one certified person', () => {
    const f = { ...connected, verifiedEquipment: [{ calibrations: [lapsed] }, { calibrations: [lapsed, inForce] }], activePersonnel: [{ certificates: [] }, { certificates: [inForce] }] };
    expect(evaluateConnection(f, NOW).connected).toBe(true);
  });

  describe('a qualification that lapses at midnight (valid to 2026-06-30)', () => {
    const f = { ...connected, verifiedQualifications: [{ validFrom: '2023-07-01', validTo: '2026-06-30' }] };
    it.each([
      ['2026-06-30T23:59:59.000+08:00', true],
      ['2026-06-30T23:59:59.999+08:00', true],
      ['2026-07-01T00:00:00.000+08:00', false],
      ['2026-07-01T00:00:00.001+08:00', false],
      ['2026-07-01T00:00:01.000+08:00', false],
    ])('at %s connected = %s', (at, expected) => {
      const s = evaluateConnection(f, new Date(at));
      expect(s.connected).toBe(expected);
      if (!expected) expect(failing(f, new Date(at))).toEqual(['qualification']);
    });
  });

  describe('an out-of-province agency whose 入吉备案 ends 2026-03-31 (validTo today, then yesterday)', () => {
    const period = { validFrom: '2024-04-01', validTo: '2026-03-31' };
    it.each<[string, 'pending' | 'verified' | 'rejected', boolean]>([
      ['2026-03-31T00:00:00.000+08:00', 'verified', true],
      ['2026-03-31T23:59:59.999+08:00', 'verified', true],
      ['2026-04-01T00:00:00.000+08:00', 'verified', false],
      ['2026-04-01T00:00:00.001+08:00', 'verified', false],
      ['2026-03-31T12:00:00.000+08:00', 'pending', false],
      ['2026-03-31T12:00:00.000+08:00', 'rejected', false],
    ])('at %s, %s: connected = %s', (at, status, expected) => {
      const f: ConnectionFacts = { ...connected, origin: 'out_of_province', filings: [{ ...period, status }] };
      expect(evaluateConnection(f, new Date(at)).connected).toBe(expected);
    });
  });
});
