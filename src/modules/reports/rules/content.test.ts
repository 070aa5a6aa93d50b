import { describe, expect, it } from 'vitest';
import type { CatalogueFieldDef } from '../../catalogue/index.ts';
import { deriveConclusion, displayValues, summarise } from './content.ts';

const verdict: CatalogueFieldDef = { key: 'result', label: '检验结论', type: 'enum', required: true, options: [{ value: 'pass', label: '合格' }, { value: 'fail', label: '不合格' }] };
const fields: CatalogueFieldDef[] = [
  { key: 'testAreaCount', label: '测区数', type: 'integer', unit: '个', required: true },
  { key: 'meanRebound', label: '平均回弹值（修正后）', type: 'number', unit: '—', required: true },
  { key: 'testAngle', label: '检测角度', type: 'enum', required: true, options: [{ value: 'horizontal', label: '水平' }] },
  { key: 'note', label: '备注', type: 'string', required: false },
  { key: 'strengthEstimate', label: '混凝土强度推定值', type: 'number', unit: 'MPa', required: true },
];

describe('record conclusions', () => {
  it.each<[CatalogueFieldDef[], Record<string, unknown>, 'pass' | 'fail' | null]>([
    [[...fields, verdict], { result: 'pass' }, 'pass'],
    [[...fields, verdict], { result: 'fail' }, 'fail'],
    [[verdict, { ...verdict, key: 'result2' }], { result: 'pass', result2: 'fail' }, 'fail'],
    [[verdict, { ...verdict, key: 'result2' }], { result: 'pass', result2: 'pass' }, 'pass'],
    [[...fields, verdict], {}, null],
    [fields, { strengthEstimate: 30.2 }, null],
  ])('%#: derived only from the record\'s own verdict fields', (f, values, expected) => {
    expect(deriveConclusion(f, values)).toBe(expected);
  });
});

it('values are shown in catalogue order with option labels and units; dimensionless, empty and verdict fields are left out', () => {
  expect(displayValues([...fields, verdict], { strengthEstimate: 31.5, testAngle: 'horizontal', meanRebound: 36.4, testAreaCount: 10, note: '', result: 'pass' })).toEqual([
    { label: '测区数', value: '10', unit: '个' },
    { label: '平均回弹值（修正后）', value: '36.4', unit: null },
    { label: '检测角度', value: '水平', unit: null },
    { label: '混凝土强度推定值', value: '31.5', unit: 'MPa' },
  ]);
});

it('summarises pass, fail and undetermined', () => {
  expect(summarise([{ conclusion: 'pass' }, { conclusion: 'fail' }, { conclusion: null }, { conclusion: 'pass' }])).toEqual({ records: 4, pass: 2, fail: 1, undetermined: 1 });
});
