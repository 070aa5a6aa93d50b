import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuthenticated } from '../../kernel/auth/actor.ts';
import { commonErrors } from '../../kernel/http/schemas.ts';

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

export const regionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(RegionSchema);
  app.get(
    '/regions',
    { schema: { tags: ['regions'], summary: '行政区划（辖区）列表', response: { 200: Type.Object({ items: Type.Array(Type.Ref('Region')) }), ...commonErrors } } },
    async (req) => {
      requireAuthenticated(req.actor);
      return { items: await app.services.regions.list() };
    },
  );
};
