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
