import { describe, expect, it } from 'vitest';
import { RECORD_TEXT_DEFAULT_MAX_LENGTH } from '../../../kernel/policy.ts';
import type { CatalogueItemDef } from '../schema.ts';
import { validateRecordValues } from './record-values.ts';

const item: CatalogueItemDef = {
  code: 'concrete_rebound',
  name: '回弹法检测混凝土抗压强度',
  standard: 'JGJ/T 23-2011',
  autoCollected: true,
  minImages: 2,
  fields: [
    { key: 'testAreaCount', label: '测区数', type: 'integer', unit: '个', min: 1, max: 100, required: true },
    { key: 'carbonationDepth', label: '平均碳化深度', type: 'number', unit: 'mm', min: 0, max: 20, required: true },
    { key: 'testAngle', label: '检测角度', type: 'enum', options: [{ value: 'horizontal', label: '水平' }, { value: 'upward', label: '向上' }], required: true },
    { key: 'remark', label: '备注', type: 'string', required: false },
    { key: 'position', label: '位置', type: 'string', maxLength: 10, required: false },
  ],
};
const ok = { testAreaCount: 10, carbonationDepth: 1.5, testAngle: 'horizontal' };

describe('validateRecordValues', () => {
  it.each<[string, Record<string, unknown>, { field: string; code: string } | null]>([
    ['valid values', ok, null],
    ['the minimum itself', { ...ok, testAreaCount: 1, carbonationDepth: 0 }, null],
    ['the maximum itself', { ...ok, testAreaCount: 100, carbonationDepth: 20 }, null],
    ['just below the minimum', { ...ok, carbonationDepth: -0.01 }, { field: 'carbonationDepth', code: 'RECORD_FIELD_BELOW_MIN' }],
    ['just above the maximum', { ...ok, carbonationDepth: 20.01 }, { field: 'carbonationDepth', code: 'RECORD_FIELD_ABOVE_MAX' }],
    ['an integer above its maximum', { ...ok, testAreaCount: 101 }, { field: 'testAreaCount', code: 'RECORD_FIELD_ABOVE_MAX' }],
    ['a fraction for an integer', { ...ok, testAreaCount: 10.5 }, { field: 'testAreaCount', code: 'RECORD_FIELD_NOT_INTEGER' }],
    ['a numeric string', { ...ok, carbonationDepth: '1.5' }, { field: 'carbonationDepth', code: 'RECORD_FIELD_NOT_NUMBER' }],
    ['a required field missing', { testAreaCount: 10, testAngle: 'upward' }, { field: 'carbonationDepth', code: 'RECORD_FIELD_REQUIRED' }],
    ['a required field null', { ...ok, carbonationDepth: null }, { field: 'carbonationDepth', code: 'RECORD_FIELD_REQUIRED' }],
    ['a required option blank', { ...ok, testAngle: '  ' }, { field: 'testAngle', code: 'RECORD_FIELD_REQUIRED' }],
    ['an optional field null', { ...ok, remark: null }, null],
    ['an option not listed', { ...ok, testAngle: 'downward' }, { field: 'testAngle', code: 'RECORD_FIELD_OPTION_UNKNOWN' }],
    ['a field the item does not define', { ...ok, strength: 30 }, { field: 'strength', code: 'RECORD_FIELD_UNKNOWN' }],
    ['a number for text', { ...ok, remark: 5 }, { field: 'remark', code: 'RECORD_FIELD_NOT_TEXT' }],
    ['text at its own limit', { ...ok, position: '一二三四五六七八九十' }, null],
    ['text over its own limit', { ...ok, position: '一二三四五六七八九十一' }, { field: 'position', code: 'RECORD_FIELD_TOO_LONG' }],
    ['text at the default limit', { ...ok, remark: 'x'.repeat(RECORD_TEXT_DEFAULT_MAX_LENGTH) }, null],
    ['text over the default limit', { ...ok, remark: 'x'.repeat(RECORD_TEXT_DEFAULT_MAX_LENGTH + 1) }, { field: 'remark', code: 'RECORD_FIELD_TOO_LONG' }],
    ['Infinity', { ...ok, carbonationDepth: Number.POSITIVE_INFINITY }, { field: 'carbonationDepth', code: 'RECORD_FIELD_NOT_NUMBER' }],
  ])('%s', (_what, values, expected) => {
    const errors = validateRecordValues(item, values);
    if (expected === null) expect(errors).toEqual([]);
    else expect(errors).toEqual([expect.objectContaining(expected)]);
  });

  it('reports every problem at once, each with a Chinese message naming the field', () => {
    const errors = validateRecordValues(item, { testAreaCount: 0, carbonationDepth: 25, testAngle: 'x' });
    expect(errors.map((e) => e.field)).toEqual(['testAreaCount', 'carbonationDepth', 'testAngle']);
    expect(errors[1]!.message).toBe('“平均碳化深度”不能大于 20 mm');
  });
});
