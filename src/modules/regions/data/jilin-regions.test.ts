import { describe, expect, it } from 'vitest';
import { loadRegionData, regionPaths } from '../region-data.ts';

const data = loadRegionData();
const byCode = new Map(data.regions.map((r) => [r.code, r]));

describe('jilin-regions.json', () => {
  it('names its source and version', () => {
    expect(data.source).toMatch(/统计用区划代码/);
    expect(data.version).not.toBe('');
  });

  it('has unique 6-digit codes and a tree (every parent exists, no cycle)', () => {
    expect(byCode.size).toBe(data.regions.length);
    for (const r of data.regions) expect(r.code).toMatch(/^\d{6}$/);
    expect(regionPaths(data.regions).size).toBe(data.regions.length);
  });

  it('counts: 1 province, 9 市州 + 梅河口 + 长白山, 60 GB county-level divisions, 9 7x zones, 3 长白山 districts', () => {
    const gbCounties = data.regions.filter((r) => r.gb2260 && r.level !== 'province' && !/^22(0[1-8]|24)00$/.test(r.code));
    expect(data.regions.filter((r) => r.level === 'province').map((r) => r.code)).toEqual(['220000']);
    expect(data.regions.filter((r) => r.level === 'city')).toHaveLength(11);
    expect(gbCounties).toHaveLength(60); // includes 梅河口市
    expect(data.regions.filter((r) => r.code.charAt(4) === '7')).toHaveLength(9);
    expect(data.regions.filter((r) => r.parentCode === '229900').map((r) => r.name)).toEqual(['池北区', '池西区', '池南区']);
  });

  it.each([
    ['220184', '公主岭市', 'county', '220100', true, true],
    ['220581', '梅河口市', 'city', '220000', true, true],
    ['229900', '长白山保护开发区管理委员会', 'city', '220000', true, false],
    ['229901', '池北区', 'county', '229900', true, false],
    ['220171', '长春经济技术开发区', 'county', '220100', false, false],
    ['222426', '安图县', 'county', '222400', true, true],
  ])('%s %s', (code, name, level, parentCode, hasDepartment, gb2260) => {
    expect(byCode.get(code)).toMatchObject({ name, level, parentCode, hasDepartment, gb2260 });
  });

  it('keeps 梅河口 under 通化 for GB/T 2260 statistics', () => {
    expect(byCode.get('220581')?.gbParentCode).toBe('220500');
  });

  it('gives a department to everything but the 7x development zones', () => {
    const without = data.regions.filter((r) => !r.hasDepartment).map((r) => r.code);
    expect(without.every((c) => c.charAt(4) === '7')).toBe(true);
    expect(without).toHaveLength(9);
  });
});
