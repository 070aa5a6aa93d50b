import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { commonErrors } from '../../kernel/http/schemas.ts';
import { ERROR_CODES, IntegrityAlarm, LedgerCosignatures, LedgerCheckpoint, LedgerConsistency, LedgerEntryProof, LedgerPublicKey } from './schemas.ts';
import { LedgerService } from './service.ts';
import { parseTilePath, TILE_WIDTH } from './tiles.ts';
import { declareErrorCodes } from '../../kernel/http/openapi.ts';

const Size = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

/**
 * The log as the web reads CT logs (C2SP tlog-tiles), public and without login: `/ledger/checkpoint` and
 * `/ledger/tile/…` at the root, so a static mirror can copy them as files.
 */
export const ledgerTileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  const svc = new LedgerService(app.deps);
  app.get('/ledger/checkpoint', { schema: { tags: ['ledger'], summary: '账本最新检查点（C2SP signed note，text/plain）' } }, async (_req, reply) => {
    const cp = await svc.checkpoint();
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(cp.note);
  });
  app.get<{ Params: { '*': string } }>('/ledger/tile/*', { schema: { tags: ['ledger'], summary: '账本瓦片（C2SP tlog-tiles：哈希瓦片与条目包）', // A wildcard path (tile/<L>/<N>[.p/<W>], tile/entries/…) that OpenAPI cannot describe; the layout is the C2SP spec's.
    hide: true } }, async (req, reply) => {
    const ref = parseTilePath(req.params['*']);
    if (!ref) return reply.status(400).send({ code: 'LEDGER_BAD_TILE_PATH', message: '瓦片路径不符合 C2SP tlog-tiles 格式', field: 'params.*' });
    const bytes = await svc.tile(ref);
    if (!bytes) return reply.status(404).send({ code: 'LEDGER_TILE_NOT_FOUND', message: '瓦片不存在（尚未达到该宽度）' });
    // A full tile never changes; a partial one at a given width never changes either, but is superseded by wider ones.
    const cache = ref.width === TILE_WIDTH ? 'public, max-age=31536000, immutable' : 'public, max-age=60';
    return reply.type('application/octet-stream').header('cache-control', cache).send(bytes);
  });
};

/** JSON endpoints: public key, proofs, receipts by object. Public (a verifier needs no account). */
export const ledgerApiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  declareErrorCodes(app, ERROR_CODES);
  for (const s of [LedgerCheckpoint, LedgerPublicKey, LedgerEntryProof, LedgerConsistency, IntegrityAlarm, LedgerCosignatures]) app.addSchema(s);
  const svc = new LedgerService(app.deps);
  app.get('/ledger/key', { schema: { tags: ['ledger'], summary: '账本公钥（验证检查点签名）', response: { 200: Type.Ref('LedgerPublicKey') } } }, async () => svc.publicKey());
  app.get('/ledger/checkpoints/latest', { schema: { tags: ['ledger'], summary: '最新检查点（JSON）', response: { 200: Type.Ref('LedgerCheckpoint') } } }, async () => svc.checkpoint());
  app.get(
    '/ledger/inclusion',
    {
      schema: {
        tags: ['ledger'],
        summary: '叶子的包含证明（按叶子序号）',
        querystring: Type.Object({ index: Size, size: Type.Optional(Size) }),
        response: { 200: Type.Ref('LedgerEntryProof'), ...commonErrors },
      },
    },
    async (req) => svc.inclusion(req.query.index, req.query.size),
  );
  app.get(
    '/ledger/consistency',
    {
      schema: {
        tags: ['ledger'],
        summary: '两个树大小之间的一致性证明',
        querystring: Type.Object({ from: Size, to: Type.Optional(Size) }),
        response: { 200: Type.Ref('LedgerConsistency'), ...commonErrors },
      },
    },
    async (req) => svc.consistency(req.query.from, req.query.to),
  );
  app.get(
    '/ledger/entries/:id',
    {
      schema: {
        tags: ['ledger'],
        summary: '回执（账本条目）及其包含证明',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: Type.Ref('LedgerEntryProof'), ...commonErrors },
      },
    },
    async (req) => svc.entry(req.params.id),
  );
  app.get(
    '/ledger/objects/:type/:id',
    {
      schema: {
        tags: ['ledger'],
        summary: '某对象的全部回执及包含证明',
        params: Type.Object({ type: Type.String({ pattern: '^[a-z_]{2,40}$' }), id: Type.String({ minLength: 1, maxLength: 80 }) }),
        response: { 200: Type.Array(Type.Ref('LedgerEntryProof')), ...commonErrors },
      },
    },
    async (req) => svc.receiptsOf(req.params.type, req.params.id),
  );
  app.get(
    '/ledger/integrity-alarms',
    { schema: { tags: ['ledger'], summary: '完整性告警（存储文件与哈希不符；平台管理员）', response: { 200: Type.Array(Type.Ref('IntegrityAlarm')), ...commonErrors } } },
    async (req) => svc.integrityAlarms(req.ctx),
  );
  app.post(
    '/ledger/cosignatures',
    {
      schema: {
        tags: ['ledger'],
        summary: '见证方提交检查点的联署签名（C2SP tlog-cosignature/v1）',
        body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 100_000 }) }),
        response: { 200: Type.Object({ size: Type.Integer(), accepted: Type.Array(Type.Object({ name: Type.String(), keyId: Type.String(), timestamp: Type.Integer() })) }), ...commonErrors },
      },
    },
    async (req) => svc.addCosignature(req.body.note),
  );
  app.get(
    '/ledger/cosignatures',
    {
      schema: {
        tags: ['ledger'],
        summary: '检查点的联署签名（默认最新检查点）',
        querystring: Type.Object({ size: Type.Optional(Size) }),
        response: { 200: Type.Ref('LedgerCosignatures'), ...commonErrors },
      },
    },
    async (req) => svc.cosignatures(req.query.size),
  );
};
