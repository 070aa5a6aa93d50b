import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from './auth/actor.ts';
import type { Database } from './db/types.ts';
import { badRequest, unprocessable } from './errors.ts';

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  response_status: number;
  /** jsonb: written as a JSON string, read back as a value. */
  response_body: unknown;
  created_at: Date;
}

declare module './db/types.ts' {
  interface Database {
    idempotency_keys: IdempotencyKeysTable;
  }
}

export interface IdempotentResult<T> {
  statusCode: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;

/** Keys are per organisation (its people and its systems share them), or per person outside any organisation. */
export function idempotencyScope(ctx: RequestContext): string {
  const a = ctx.actor;
  if (a.kind === 'machine') return `org:${a.organisation.id}`;
  if (a.kind === 'user') return a.organisation ? `org:${a.organisation.id}` : `user:${a.id}`;
  return 'anonymous';
}

export const hashRequest = (parts: readonly (string | Buffer)[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' ? `${p.length}:${p}` : p);
  return h.digest('hex');
};

export function checkIdempotencyKey(key: string | undefined, field = 'headers.idempotency-key'): string {
  if (!key) throw badRequest('IDEMPOTENCY_KEY_REQUIRED', '上传须携带 Idempotency-Key（客户端生成的唯一键，重试时保持不变）', field);
  if (!KEY.test(key)) throw badRequest('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key 须为 8–200 位字母、数字或 ._:-', field);
  return key;
}

/**
 * Runs `work` once per (scope, key): the answer is stored in the same transaction as the work, so a retry — after a
 * timeout, a lost connection, a crash — gets the first answer and nothing happens twice. Two concurrent requests
 * with one key serialise on the primary key; the loser's work is rolled back and it replays the winner's answer.
 * The same key with a different request is refused (422), never silently answered with the old result.
 */
export async function idempotent<T>(
  db: Kysely<Database>,
  ctx: RequestContext,
  key: string,
  requestHash: string,
  work: (trx: Transaction<Database>) => Promise<{ statusCode: number; body: T }>,
  /** The caller has just found the key unused (to decide on its prechecks): the first look-up is skipped. A concurrent
   * request with the same key still ends in the replay below, through the primary key. */
  opts: { keyJustChecked?: boolean } = {},
): Promise<IdempotentResult<T>> {
  const scope = idempotencyScope(ctx);
  const replay = async (): Promise<IdempotentResult<T> | null> => {
    const prior = await db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
    if (!prior) return null;
    if (prior.request_hash !== requestHash) {
      throw unprocessable('IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一内容不同的请求', 'headers.idempotency-key');
    }
    const body = (typeof prior.response_body === 'string' ? JSON.parse(prior.response_body) : prior.response_body) as T;
    return { statusCode: prior.response_status, body, replayed: true };
  };
  const earlier = opts.keyJustChecked ? null : await replay();
  if (earlier) return earlier;
  try {
    return await db.transaction().execute(async (trx) => {
      const { statusCode, body } = await work(trx);
      await trx
        .insertInto('idempotency_keys')
        .values({ scope, key, request_hash: requestHash, response_status: statusCode, response_body: JSON.stringify(body), created_at: ctx.now })
        .execute();
      return { statusCode, body, replayed: false };
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      const winner = await replay();
      if (winner) return winner;
    }
    throw err;
  }
}
