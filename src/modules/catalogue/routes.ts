import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors } from '../../kernel/http/schemas.ts';
import { CatalogueDocument } from './schema.ts';
import { CatalogueService } from './service.ts';
import { VersionInfo, CatalogueVersionInfo, CatalogueSchema, ItemChanges, PublishBody, ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

export const catalogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new CatalogueService(app.deps);
  const tags = ['catalogue'];

  app.get(
    '/catalogue',
    { schema: { tags, summary: '现行检测项目目录（专项 → 现场检测项目 → 原始记录字段）', response: { 200: CatalogueSchema, ...commonErrors, 503: Type.Ref('ErrorResponse') } } },
    async (req) => svc.current(req.ctx),
  );

  app.get(
    '/catalogue/versions',
    { schema: { tags, summary: '检测项目目录的全部版本（新版在前）', response: { 200: Type.Array(CatalogueVersionInfo), ...commonErrors } } },
    async (req) => svc.versions(req.ctx),
  );

  app.get(
    '/catalogue/versions/:version',
    {
      schema: {
        tags,
        summary: '检测项目目录的指定版本',
        params: Type.Object({ version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }),
        response: { 200: CatalogueSchema, ...commonErrors },
      },
    },
    async (req) => svc.version(req.ctx, req.params.version),
  );

  app.post(
    '/catalogue/versions',
    {
      schema: {
        tags,
        summary: '发布检测项目目录新版本（平台管理员；旧版本保留，已开批次沿用其版本）',
        body: PublishBody,
        response: { 201: Type.Object({ ...VersionInfo, document: CatalogueDocument, changes: ItemChanges }), ...commonErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.publish(req.ctx, req.body)),
  );
};
