import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, Page, PageQuery } from '../../kernel/http/schemas.ts';
import { AuditRecord, ERROR_CODES } from './schemas.ts';
import { ref } from '../../kernel/http/openapi.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（只增不改）',
        querystring: Type.Object(
          { action: Type.Optional(Type.String({ maxLength: 100 })), targetType: Type.Optional(Type.String({ maxLength: 50 })), targetId: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Page(ref(AuditRecord)), ...commonErrors },
      },
    },
    async (req) => app.services.audit.list(req.ctx, req.query),
  );
};
