import { describe, expect, it } from 'vitest';
import { normalisePermitNumber } from './permit.ts';

describe('normalisePermitNumber', () => {
  it.each<[string, string | null]>([
    ['220102202603150101', '220102202603150101'],
    [' 2201 0220 2603 1501 01 ', '220102202603150101'],
    ['２２０１０２２０２６０３１５０１０１', '220102202603150101'],
    ['长建施字〔2026〕第015号', '长建施字〔2026〕第015号'],
    ['jl-2026-0015', 'JL-2026-0015'],
    ['12345', null],
    ['2201022026<script>', null],
    ['22010220260315;drop', null],
  ])('%s → %s', (raw, key) => {
    const r = normalisePermitNumber(raw);
    if (key === null) expect(r.ok).toBe(false);
    else expect(r).toMatchObject({ ok: true, key });
  });

  it('keeps the text as written for display, folded to half-width', () => {
    expect(normalisePermitNumber(' jl-2026-0015 ')).toEqual({ ok: true, display: 'jl-2026-0015', key: 'JL-2026-0015' });
  });
});
