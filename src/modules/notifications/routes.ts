import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors, IdParams, PageQuery } from '../../kernel/http/schemas.ts';
import { NotificationService } from './service.ts';
import { ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

/** Console notifications (issue 5 item 7): the signed-in person's own notices. */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new NotificationService(app.deps.db);
  const tags = ['notifications'];

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的通知（最新在前）',
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean({ description: '只看未读' })), ...PageQuery }, { additionalProperties: false }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('Notification')), total: Type.Integer(), unread: Type.Integer({ description: '未读总数' }) }),
          ...commonErrors,
        },
      },
    },
    async (req) => svc.list(req.ctx, req.query),
  );

  app.get(
    '/notifications/unread-count',
    { schema: { tags, summary: '未读通知数', response: { 200: Type.Object({ unread: Type.Integer() }), ...commonErrors } } },
    async (req) => ({ unread: await svc.unreadCount(req.ctx) }),
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: '标记为已读', params: IdParams, response: { 200: Type.Ref('Notification'), ...commonErrors } } },
    async (req) => svc.markRead(req.ctx, req.params.id),
  );

  app.post(
    '/notifications/read-all',
    { schema: { operationId: 'readAllNotifications', tags, summary: '全部标记为已读', response: { 200: Type.Object({ updated: Type.Integer() }), ...commonErrors } } },
    async (req) => svc.markAllRead(req.ctx),
  );
};
