import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuthenticated } from '../../kernel/auth/actor.ts';
import { commonErrors } from '../../kernel/http/schemas.ts';
import { ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

export const regionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  app.get(
    '/regions',
    { schema: { tags: ['regions'], summary: '行政区划（辖区）列表', response: { 200: Type.Object({ items: Type.Array(Type.Ref('Region')) }), ...commonErrors } } },
    async (req) => {
      requireAuthenticated(req.actor);
      return { items: await app.services.regions.list() };
    },
  );
};
