import { SPECIALTIES, type Specialty } from '../../../kernel/specialties.ts';
import type { CatalogueDocumentDef, CatalogueFieldDef } from '../schema.ts';

/** One problem in a document, at a path relative to the document (`specialties.3.items.0.fields.2.max`). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * 一(二): the six specialties whose on-site tests the notice names. A catalogue version must list on-site test items
 * for each of them, or agencies could not open batches there.
 */
export const NOTICE_SPECIALTIES: readonly Specialty[] = [
  'foundation',
  'main_structure',
  'steel_structure',
  'building_energy',
  'road',
  'bridge_underground',
];

/**
 * The rules across parts of a structurally valid document (the TypeBox schema has already checked shapes):
 * all nine specialties, each once and under its standard name; the notice's six not empty; item codes unique in the
 * whole catalogue (records and batches refer to an item by its code alone); field keys unique within an item;
 * numeric fields with a unit and a range whose minimum does not exceed its maximum; options exactly on enum fields.
 */
export function checkCatalogueDocument(doc: CatalogueDocumentDef): FieldError[] {
  const errors: FieldError[] = [];
  const seenSpecialties = new Map<string, number>();
  const seenItems = new Map<string, string>();

  doc.specialties.forEach((s, si) => {
    const sp = `specialties.${si}`;
    if (seenSpecialties.has(s.code)) {
      errors.push({ field: `${sp}.code`, code: 'CATALOGUE_SPECIALTY_DUPLICATE', message: `专项 ${s.code} 重复出现` });
    }
    seenSpecialties.set(s.code, si);
    const standardName = SPECIALTIES.find((x) => x.code === s.code)?.name;
    if (standardName !== undefined && s.name !== standardName) {
      errors.push({ field: `${sp}.name`, code: 'CATALOGUE_SPECIALTY_NAME_MISMATCH', message: `专项 ${s.code} 的名称应为“${standardName}”` });
    }
    if (NOTICE_SPECIALTIES.includes(s.code) && s.items.length === 0) {
      errors.push({ field: `${sp}.items`, code: 'CATALOGUE_SPECIALTY_EMPTY', message: `${s.name}是通知点名的专项，至少应有一个现场检测项目` });
    }
    s.items.forEach((item, ii) => {
      const ip = `${sp}.items.${ii}`;
      const first = seenItems.get(item.code);
      if (first !== undefined) {
        errors.push({ field: `${ip}.code`, code: 'CATALOGUE_ITEM_CODE_DUPLICATE', message: `检测项目代码 ${item.code} 已在 ${first} 使用` });
      } else {
        seenItems.set(item.code, ip);
      }
      const keys = new Set<string>();
      item.fields.forEach((f, fi) => {
        const fp = `${ip}.fields.${fi}`;
        if (keys.has(f.key)) {
          errors.push({ field: `${fp}.key`, code: 'CATALOGUE_FIELD_KEY_DUPLICATE', message: `字段键 ${f.key} 在检测项目 ${item.code} 中重复` });
        }
        keys.add(f.key);
        errors.push(...checkField(f, fp));
      });
    });
  });

  const missing = SPECIALTIES.filter((s) => !seenSpecialties.has(s.code));
  if (missing.length > 0) {
    errors.push({
      field: 'specialties',
      code: 'CATALOGUE_SPECIALTY_MISSING',
      message: `目录应包含资质标准的全部九个专项，缺少：${missing.map((s) => s.name).join('、')}`,
    });
  }
  return errors;
}

function checkField(f: CatalogueFieldDef, fp: string): FieldError[] {
  const errors: FieldError[] = [];
  const numeric = f.type === 'number' || f.type === 'integer';
  if (numeric) {
    if (f.unit === undefined) {
      errors.push({ field: `${fp}.unit`, code: 'CATALOGUE_FIELD_UNIT_REQUIRED', message: `数值字段“${f.label}”须注明计量单位（无量纲量写 —）` });
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
      errors.push({ field: `${fp}.max`, code: 'CATALOGUE_FIELD_RANGE_INVERTED', message: `字段“${f.label}”的上限 ${f.max} 小于下限 ${f.min}` });
    }
    if (f.type === 'integer') {
      for (const bound of ['min', 'max'] as const) {
        const v = f[bound];
        if (v !== undefined && !Number.isInteger(v)) {
          errors.push({ field: `${fp}.${bound}`, code: 'CATALOGUE_FIELD_BOUND_NOT_INTEGER', message: `整数字段“${f.label}”的界限应为整数` });
        }
      }
    }
  } else {
    if (f.unit !== undefined) {
      errors.push({ field: `${fp}.unit`, code: 'CATALOGUE_FIELD_UNIT_UNEXPECTED', message: `只有数值字段有计量单位（字段“${f.label}”）` });
    }
    for (const bound of ['min', 'max'] as const) {
      if (f[bound] !== undefined) {
        errors.push({ field: `${fp}.${bound}`, code: 'CATALOGUE_FIELD_RANGE_UNEXPECTED', message: `只有数值字段有取值范围（字段“${f.label}”）` });
      }
    }
  }
  if (f.maxLength !== undefined && f.type !== 'string') {
    errors.push({ field: `${fp}.maxLength`, code: 'CATALOGUE_FIELD_MAX_LENGTH_UNEXPECTED', message: `只有文本字段有最大长度（字段“${f.label}”）` });
  }
  if (f.type === 'enum') {
    if (f.options === undefined) {
      errors.push({ field: `${fp}.options`, code: 'CATALOGUE_FIELD_OPTIONS_REQUIRED', message: `选项字段“${f.label}”须列出选项` });
    } else {
      const values = new Set<string>();
      f.options.forEach((o, oi) => {
        if (values.has(o.value)) {
          errors.push({ field: `${fp}.options.${oi}.value`, code: 'CATALOGUE_FIELD_OPTION_DUPLICATE', message: `字段“${f.label}”的选项值 ${o.value} 重复` });
        }
        values.add(o.value);
      });
    }
  } else if (f.options !== undefined) {
    errors.push({ field: `${fp}.options`, code: 'CATALOGUE_FIELD_OPTIONS_UNEXPECTED', message: `只有选项字段有选项（字段“${f.label}”）` });
  }
  return errors;
}
