import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

/** Liveness, readiness and the OpenAPI document. */
export const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', { schema: { tags: ['system'], summary: '进程存活', security: [], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }));

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['system'],
        summary: '数据库与文件存储可用',
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Type.String(), blobs: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String(), blobs: Type.String() }),
        },
      },
    },
    async (_req, reply) => {
      const { handle, blobs } = app.deps;
      const database = await handle.ping().then(() => handle.kind, (e: Error) => `error: ${e.message}`);
      const blobState = await blobs.ping().then(() => 'ok' as const, (e: Error) => `error: ${e.message}`);
      if (database === handle.kind && blobState === 'ok') return { status: 'ready' as const, database, blobs: blobState };
      return reply.status(503).send({ status: 'unavailable' as const, database, blobs: blobState });
    },
  );

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
