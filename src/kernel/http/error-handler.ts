import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError } from '../errors.ts';
import { BlobHashMismatchError } from '../blobs/blob-store.ts';
import { describeValidationError } from './validation.ts';

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  /** Machine-readable particulars of a refusal (e.g. the open anomalies that stop a report). */
  details?: Record<string, unknown>;
}

/** Fastify's own 4xx errors, by their code, mapped to ours. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: '请求体不是合法的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY', message: '请求体为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_CONTENT_LENGTH', message: '请求长度与内容不符' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
};

/** PostgreSQL error classes that a racing request can still reach after a service's own checks. */
const PG_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: 'DUPLICATE', message: '记录已存在（唯一性冲突）' },
  '23503': { status: 400, code: 'REFERENCE_INVALID', message: '引用的对象不存在' },
  '23514': { status: 400, code: 'CONSTRAINT_VIOLATED', message: '数据不满足约束条件' },
  '22P02': { status: 400, code: 'INVALID_VALUE', message: '数据格式不正确' },
  '40001': { status: 409, code: 'CONCURRENT_UPDATE', message: '数据已被他人修改，请刷新后重试' },
};

/**
 * PostgreSQL unreachable or going away (issue 15 item 8): connection refused or reset, the server shutting down or
 * starting up (57P01–57P03), a connection failure (class 08), or pg's own "connection terminated"/connect timeout.
 * Nothing was decided, so the answer is 503 with a code and Retry-After: the pool reconnects by itself on the next
 * request, and an agency system retries (the client treats 503 as retryable).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code) || code.startsWith('08')) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /^Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message);
}

/** Seconds a client is told to wait before retrying while the database is unavailable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

export function errorHandler(error: FastifyError & { validation?: ErrorObject[]; validationContext?: string }, req: FastifyRequest, reply: FastifyReply) {
  const send = (status: number, body: ErrorBody) => reply.status(status).send(body);

  if (error instanceof AppError) {
    if (error.statusCode === 429 && typeof error.details?.retryAfterSeconds === 'number') {
      void reply.header('retry-after', String(error.details.retryAfterSeconds));
    }
    const details = error.statusCode === 429 ? undefined : error.details;
    return send(error.statusCode, { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}), ...(details ? { details } : {}) });
  }
  if (error instanceof BlobHashMismatchError) {
    // Fail closed (issue 13): stored bytes that no longer match their hash are never served; the alarm is raised by
    // the blob store's integrity wrapper (src/modules/ledger/integrity.ts).
    req.log.error({ err: error }, 'stored blob failed its hash check');
    return send(500, { code: 'BLOB_INTEGRITY_FAILED', message: '存储的文件与其登记的哈希值不符，平台拒绝提供该文件，并已向平台管理员告警' });
  }
  if (error.validation && error.validation.length > 0) {
    const { field, message } = describeValidationError(error.validation[0]!, error.validationContext ?? 'body');
    return send(400, { code: 'VALIDATION_FAILED', message, field });
  }
  const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
  if (known) return send(known.status, { code: known.code, message: known.message });

  const pgCode = (error as { code?: unknown }).code;
  if (typeof pgCode === 'string' && PG_ERRORS[pgCode]) {
    req.log.warn({ err: error }, 'database constraint reached the error handler');
    const m = PG_ERRORS[pgCode];
    return send(m.status, { code: m.code, message: m.message });
  }
  const fsCode = (error as { code?: unknown }).code;
  if (fsCode === 'ENOSPC' || fsCode === 'EDQUOT') {
    // The blob store is full (issue 15 item 8): the store removed its temporary file and never renamed it into place,
    // and no row was written (rows follow a durable blob), so nothing half-written remains; the server stays ready.
    req.log.error({ err: error }, 'blob store full');
    return send(507, { code: 'STORAGE_FULL', message: '文件存储空间已满，上传未被接收，请稍后重试并联系平台管理员' });
  }
  if (isDatabaseUnavailable(error)) {
    req.log.warn({ err: error }, 'database unavailable');
    void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return send(503, { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试（平台正在自动重连）' });
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return send(error.statusCode, { code: 'BAD_REQUEST', message: '请求不合法' });
  }
  req.log.error({ err: error }, 'unhandled error');
  return send(500, { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试' });
}
