import { RECORD_TEXT_DEFAULT_MAX_LENGTH } from '../../../kernel/policy.ts';
import type { CatalogueFieldDef, CatalogueItemDef } from '../schema.ts';
import type { FieldError } from './document.ts';

/**
 * Checks the values of one raw record (原始记录) against its test item's field definitions and returns every problem,
 * keyed by the field's key (callers prefix their own path, e.g. `body.values.`). Values are JSON as received:
 * numbers must be JSON numbers (no numeric strings, so that what the instrument sent is what is stored), absent
 * optional fields may be omitted or null, and keys the item does not define are refused rather than dropped.
 */
export function validateRecordValues(item: Pick<CatalogueItemDef, 'code' | 'fields'>, values: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const defs = new Map(item.fields.map((f) => [f.key, f]));
  for (const key of Object.keys(values)) {
    if (!defs.has(key)) {
      errors.push({ field: key, code: 'RECORD_FIELD_UNKNOWN', message: `检测项目 ${item.code} 没有字段 ${key}` });
    }
  }
  for (const def of item.fields) {
    const error = checkValue(def, Object.hasOwn(values, def.key) ? values[def.key] : undefined);
    if (error) errors.push({ field: def.key, ...error });
  }
  return errors;
}

function describe(def: CatalogueFieldDef, v: number): string {
  return def.unit && def.unit !== '—' ? `${v} ${def.unit}` : String(v);
}

function checkValue(def: CatalogueFieldDef, value: unknown): { code: string; message: string } | null {
  const name = `“${def.label}”`;
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return def.required ? { code: 'RECORD_FIELD_REQUIRED', message: `缺少必填字段${name}` } : null;
  }
  switch (def.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return { code: 'RECORD_FIELD_NOT_NUMBER', message: `${name}应为数值` };
      }
      if (def.type === 'integer' && !Number.isInteger(value)) {
        return { code: 'RECORD_FIELD_NOT_INTEGER', message: `${name}应为整数` };
      }
      if (def.min !== undefined && value < def.min) {
        return { code: 'RECORD_FIELD_BELOW_MIN', message: `${name}不能小于 ${describe(def, def.min)}` };
      }
      if (def.max !== undefined && value > def.max) {
        return { code: 'RECORD_FIELD_ABOVE_MAX', message: `${name}不能大于 ${describe(def, def.max)}` };
      }
      return null;
    }
    case 'string': {
      if (typeof value !== 'string') return { code: 'RECORD_FIELD_NOT_TEXT', message: `${name}应为文本` };
      const limit = def.maxLength ?? RECORD_TEXT_DEFAULT_MAX_LENGTH;
      if ([...value].length > limit) return { code: 'RECORD_FIELD_TOO_LONG', message: `${name}最多 ${limit} 个字符` };
      return null;
    }
    case 'enum': {
      const allowed = def.options ?? [];
      if (typeof value !== 'string' || !allowed.some((o) => o.value === value)) {
        return { code: 'RECORD_FIELD_OPTION_UNKNOWN', message: `${name}应为以下之一：${allowed.map((o) => `${o.value}（${o.label}）`).join('、')}` };
      }
      return null;
    }
  }
}
