import { Type, type Static } from 'typebox';
import { SPECIALTY_CODES } from '../../kernel/specialties.ts';

/**
 * The shape of a catalogue document (specialties → on-site test items → the raw-data fields each records).
 * Structural rules live here (the API validates bodies with it, the loader validates the shipped file with it);
 * rules across parts of the document (unique codes, ranges, units) are in rules/document.ts.
 */

export const SpecialtyCode = Type.Enum(SPECIALTY_CODES, { description: '专项代码（资质标准九个专项）' });

export const FIELD_TYPES = ['number', 'integer', 'string', 'enum'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const CatalogueFieldOption = Type.Object(
  {
    value: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.\\-]{0,39}$', description: '选项值（机器可读）' }),
    label: Type.String({ minLength: 1, maxLength: 50, description: '选项名称' }),
  },
  { additionalProperties: false },
);

export const CatalogueField = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][A-Za-z0-9]{0,39}$', description: '字段键（camelCase）' }),
    label: Type.String({ minLength: 1, maxLength: 60, description: '字段名称' }),
    type: Type.Enum(FIELD_TYPES, { description: 'number 数值 · integer 整数 · string 文本 · enum 选项' }),
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: '计量单位；无量纲量写 —' })),
    min: Type.Optional(Type.Number({ description: '物理下限（含）' })),
    max: Type.Optional(Type.Number({ description: '物理上限（含）' })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: '文本最大长度' })),
    options: Type.Optional(Type.Array(CatalogueFieldOption, { minItems: 1, maxItems: 50 })),
    required: Type.Boolean({ description: '是否必填' }),
  },
  { additionalProperties: false },
);

export const CatalogueItem = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{2,63}$', description: '检测项目代码，全目录唯一' }),
    name: Type.String({ minLength: 2, maxLength: 100, description: '检测项目名称' }),
    standard: Type.String({ minLength: 2, maxLength: 300, description: '依据标准' }),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    autoCollected: Type.Boolean({ description: '是否通常由设备自动采集（严禁人工录入替代自动采集）' }),
    minImages: Type.Integer({ minimum: 0, maximum: 50, description: '每条原始记录至少应有的过程影像数' }),
    fields: Type.Array(CatalogueField, { minItems: 1, maxItems: 60, description: '原始记录字段' }),
  },
  { additionalProperties: false },
);

export const CatalogueSpecialty = Type.Object(
  {
    code: SpecialtyCode,
    name: Type.String({ minLength: 2, maxLength: 50 }),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    items: Type.Array(CatalogueItem, { maxItems: 300 }),
  },
  { additionalProperties: false },
);

export const CatalogueDocument = Type.Object(
  { specialties: Type.Array(CatalogueSpecialty, { minItems: 1, maxItems: 20 }) },
  { additionalProperties: false },
);

export type CatalogueFieldDef = Static<typeof CatalogueField>;
export type CatalogueItemDef = Static<typeof CatalogueItem>;
export type CatalogueSpecialtyDef = Static<typeof CatalogueSpecialty>;
export type CatalogueDocumentDef = Static<typeof CatalogueDocument>;
