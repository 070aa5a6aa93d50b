import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fastifyMultipart from '@fastify/multipart';
import { Type } from 'typebox';
import { requireUser } from '../../kernel/auth/actor.ts';
import { badRequest } from '../../kernel/errors.ts';
import { commonErrors, IdParams } from '../../kernel/http/schemas.ts';
import { DOCUMENT_MAX_BYTES } from '../../kernel/policy.ts';
import { DocumentService } from './service.ts';
import { ERROR_CODES } from './schemas.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

export const documentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  // One part per request; the limit is enforced again while streaming into the blob store.
  await app.register(fastifyMultipart, { limits: { files: 1, fileSize: DOCUMENT_MAX_BYTES + 1, fields: 5, parts: 6 } });
  const svc = new DocumentService(app.deps);

  app.post(
    '/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '上传附件（资质证书扫描件、书面授权等；PDF/JPEG/PNG）',
        consumes: ['multipart/form-data'],
        response: { 201: Type.Ref('Document'), 413: Type.Ref('ErrorResponse'), 415: Type.Ref('ErrorResponse'), ...commonErrors },
      },
    },
    async (req, reply) => {
      requireUser(req.actor);
      if (!req.isMultipart()) throw badRequest('MULTIPART_REQUIRED', '请以 multipart/form-data 上传文件', 'file');
      const part = await req.file().catch((err: unknown) => {
        // The multipart parser rejects a malformed form with plain errors ("Unexpected end of form"): the client's fault.
        const status = (err as { statusCode?: unknown }).statusCode;
        throw typeof status === 'number' && status < 500 ? err : badRequest('MULTIPART_MALFORMED', '上传的表单数据格式不正确（multipart）', 'file');
      });
      if (!part || part.fieldname !== 'file') throw badRequest('FILE_REQUIRED', '请选择要上传的文件（字段名 file）', 'file');
      const info = await svc.upload(req.ctx, part.file, part.filename);
      if (part.file.truncated) throw badRequest('DOCUMENT_TRUNCATED', '文件上传不完整', 'file');
      return reply.status(201).send(info);
    },
  );

  app.get('/documents/:id', { schema: { tags: ['documents'], summary: '附件信息', params: IdParams, response: { 200: Type.Ref('Document'), ...commonErrors } } }, async (req) =>
    svc.get(req.ctx, req.params.id),
  );

  app.get('/documents/:id/content', { schema: { tags: ['documents'], summary: '下载附件', params: IdParams } }, async (req, reply) => {
    const { info, stream } = await svc.open(req.ctx, req.params.id);
    void reply.header('content-type', info.contentType);
    void reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(info.filename)}`);
    void reply.header('etag', `"${info.sha256}"`);
    return reply.send(stream);
  });
};
