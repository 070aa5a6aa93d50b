import { Type } from 'typebox';

export const RegionSchema = Type.Object(
  {
    code: Type.String({ description: 'GB/T 2260 代码（长白山等平台自定义代码见文档）' }),
    name: Type.String(),
    level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')]),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    hasDepartment: Type.Boolean({ description: '是否设有本级住建部门' }),
    gb2260: Type.Boolean({ description: '是否为 GB/T 2260 正式代码' }),
  },
  { $id: 'Region' },
);

/** The shapes of this module that others reference by name (`$id`); added once at the app root. */
export const namedSchemas = [RegionSchema];

/**
 * The error `code`s this module's routes can answer with besides the platform-wide ones (PLATFORM_ERROR_CODES); every
 * route of the module lists them in /openapi.json as `x-error-codes`. src/kernel/http/error-codes.test.ts fails when the
 * module's code produces a code missing here.
 */
export const ERROR_CODES: readonly string[] = [
  'REGION_NOT_FOUND',
];
