import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, DateTime, Page, PageQuery } from '../../kernel/http/schemas.ts';

const AuditRecord = Type.Object(
  {
    id: Type.Integer(),
    at: DateTime,
    actorType: Type.String(),
    actorId: Type.Union([Type.String(), Type.Null()]),
    actorName: Type.Union([Type.String(), Type.Null()]),
    actorRole: Type.String(),
    organisationId: Type.Union([Type.String(), Type.Null()]),
    organisationName: Type.Union([Type.String(), Type.Null()]),
    regionCode: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    targetType: Type.String(),
    targetId: Type.Union([Type.String(), Type.Null()]),
    clientIp: Type.Union([Type.String(), Type.Null()]),
    requestId: Type.Union([Type.String(), Type.Null()]),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: 'AuditRecord' },
);

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(AuditRecord);
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
        response: { 200: Page(Type.Ref('AuditRecord')), ...commonErrors },
      },
    },
    async (req) => app.services.audit.list(req.ctx, req.query),
  );
};
