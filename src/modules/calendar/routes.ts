import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors } from '../../kernel/http/schemas.ts';
import { CalendarService } from './service.ts';
import { YearParams, CalendarYearBody, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

/** The official working-day calendar as data (DESIGN.md §2 rule 8). */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new CalendarService(app.deps.db);
  const tags = ['calendar'];

  app.get(
    '/calendar/status',
    { schema: { tags, summary: '工作日日历加载情况与缺失年度提醒', response: { 200: Type.Ref('CalendarStatus'), ...commonErrors } } },
    async (req) => svc.status(req.ctx),
  );

  app.get(
    '/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '某年度节假日安排（生效版本及历次加载记录）',
        params: YearParams,
        response: {
          200: Type.Object({ current: Type.Ref('CalendarYearVersion'), history: Type.Array(Type.Ref('CalendarYearVersion')) }),
          ...commonErrors,
        },
      },
    },
    async (req) => svc.getYear(req.ctx, req.params.year),
  );

  app.put(
    '/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '加载某年度节假日安排（平台管理员；生成新版本，旧版本保留）',
        params: YearParams,
        body: CalendarYearBody,
        response: { 200: Type.Ref('CalendarYearVersion'), ...commonErrors },
      },
    },
    async (req) => svc.loadYear(req.ctx, req.params.year, req.body),
  );
};
