import { describe, expect, it } from 'vitest';
import { coverageAt, type CoverageEffect } from './coverage.ts';

const t = (s: string) => new Date(`2026-03-${s}+08:00`);
const eff = (projectId: string, effect: 'grant' | 'end', at: string, seq: number): CoverageEffect => ({ projectId, effect, effectiveAt: t(at), seq });

describe('coverageAt', () => {
  const effects = [
    eff('P1', 'grant', '02T09:00:00', 1),
    eff('P2', 'grant', '02T09:00:00', 2),
    eff('P1', 'grant', '05T09:00:00', 3), // renewal: coverage stays unbroken
    eff('P2', 'end', '06T12:00:00', 4), // revoked
    eff('P2', 'grant', '09T08:00:00', 5), // authorized again
    eff('P3', 'grant', '10T08:00:00', 6),
    eff('P3', 'end', '10T08:00:00', 7), // same instant, registered later: the end wins
  ];

  it.each([
    ['01T00:00:00', {}],
    ['02T08:59:59.999', {}],
    ['02T09:00:00', { P1: '02T09:00:00', P2: '02T09:00:00' }],
    ['05T10:00:00', { P1: '02T09:00:00', P2: '02T09:00:00' }],
    ['06T11:59:59.999', { P1: '02T09:00:00', P2: '02T09:00:00' }],
    ['06T12:00:00', { P1: '02T09:00:00' }],
    ['09T08:00:00', { P1: '02T09:00:00', P2: '09T08:00:00' }],
    ['10T08:00:00', { P1: '02T09:00:00', P2: '09T08:00:00' }],
  ])('at 2026-03-%s', (at, expected: Record<string, string>) => {
    const got = Object.fromEntries([...coverageAt(effects, t(at))].map(([p, since]) => [p, since.toISOString()]));
    expect(got).toEqual(Object.fromEntries(Object.entries(expected).map(([p, s]) => [p, t(s).toISOString()])));
  });

  it('does not depend on the order effects are given in', () => {
    const at = t('09T12:00:00');
    const plain = (m: Map<string, Date>) => Object.fromEntries([...m].map(([p, since]) => [p, since.toISOString()]));
    expect(plain(coverageAt([...effects].reverse(), at))).toEqual(plain(coverageAt(effects, at)));
    expect(plain(coverageAt(effects, at))).toEqual({ P1: t('02T09:00:00').toISOString(), P2: t('09T08:00:00').toISOString() });
  });
});
