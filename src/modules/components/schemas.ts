import { Type } from 'typebox';
import { DateTime, Uuid } from '../../kernel/http/schemas.ts';

export const ComponentFields = {
  id: Uuid,
  code: Type.String({ description: '构件唯一标识（标签上印的编号，QC 开头 13 位）' }),
  projectId: Uuid,
  building: Type.String({ description: '楼栋（单体）' }),
  floor: Type.Union([Type.String(), Type.Null()], { description: '楼层；道路、桥梁等无楼层时为空' }),
  position: Type.String({ description: '轴线或部位（如 A-3轴、K0+120~K0+180 左幅）' }),
  componentType: Type.String({ description: '构件类型（如 柱、梁、板、桩、焊缝、外墙保温）' }),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
};

export const ComponentSchema = Type.Object(ComponentFields);

export const NewComponent = Type.Object(
  {
    building: Type.String({ minLength: 1, maxLength: 50 }),
    floor: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    position: Type.String({ minLength: 1, maxLength: 100 }),
    componentType: Type.String({ minLength: 1, maxLength: 30 }),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'COMPONENTS_EMPTY',
  'COMPONENTS_TOO_MANY',
  'COMPONENT_DUPLICATE',
  'COMPONENT_FIELD_REQUIRED',
  'COMPONENT_FIELD_TOO_LONG',
  'COMPONENT_ID_INVALID',
  'COMPONENT_NOT_FOUND',
  'COMPONENT_REGISTER_FORBIDDEN',
  'FONT_MISSING',
  'LABELS_TOO_MANY',
  'PROJECT_NOT_FOUND',
];
