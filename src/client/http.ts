import { randomUUID } from 'node:crypto';

/** An error answered by the platform: `{ code, message, field? }` with the HTTP status (docs/integration-api.md §2). */
export class QTraceApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** The whole error body (a seal refusal carries `problems`). */
  readonly body: Record<string, unknown>;
  constructor(status: number, body: Record<string, unknown>) {
    const code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
    super(`${status} ${code}: ${typeof body.message === 'string' ? body.message : ''}`);
    this.name = 'QTraceApiError';
    this.status = status;
    this.code = code;
    this.field = typeof body.field === 'string' ? body.field : undefined;
    this.body = body;
  }
}

export async function apiError(res: Response): Promise<QTraceApiError> {
  const text = await res.text().catch(() => '');
  let body: Record<string, unknown> = { message: text.slice(0, 500) };
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: keep the text as the message
  }
  return new QTraceApiError(res.status, body);
}

export interface RetryOptions {
  /** Attempts in all, the first included (default 5). */
  attempts?: number;
  /** First back-off in ms, doubled each time, with jitter (default 200). */
  baseDelayMs?: number;
  /** Longest back-off in ms (default 5000). */
  maxDelayMs?: number;
}

/** Statuses worth another try of the same request: the platform was busy or went away, nothing was decided. */
const RETRYABLE = new Set([408, 429, 502, 503, 504]);

export const isRetryableStatus = (status: number): boolean => RETRYABLE.has(status);

/** A network failure (connection refused or reset, timeout), as opposed to an answer. */
export function isNetworkError(err: unknown): boolean {
  return err instanceof TypeError || (err instanceof Error && (err.name === 'TimeoutError' || /ECONNRE|EPIPE|socket|fetch failed|terminated/i.test(err.message)));
}

export function backoffMs(attempt: number, o: RetryOptions = {}, retryAfter?: string | null): number {
  const seconds = retryAfter ? Number(retryAfter) : Number.NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, o.maxDelayMs ?? 5000);
  const base = (o.baseDelayMs ?? 200) * 2 ** attempt;
  return Math.min(base / 2 + Math.random() * (base / 2), o.maxDelayMs ?? 5000);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * `fetch` that retries a request after a network failure or a retryable status, re-sending the very same request:
 * its Idempotency-Key included, so the platform answers a retry of a write that did arrive with the first answer
 * instead of doing it twice. Only for bodies that can be sent again (JSON, bytes); streamed uploads retry in uploads.ts.
 */
export function retryingFetch(base: (input: Request) => Promise<Response>, o: RetryOptions = {}): (input: Request) => Promise<Response> {
  const attempts = o.attempts ?? 5;
  return async (request) => {
    for (let attempt = 0; ; attempt++) {
      const last = attempt + 1 >= attempts;
      try {
        const res = await base(last ? request : request.clone());
        if (last || !isRetryableStatus(res.status)) return res;
        await res.body?.cancel();
        await sleep(backoffMs(attempt, o, res.headers.get('retry-after')));
      } catch (err) {
        if (last || !isNetworkError(err)) throw err;
        await sleep(backoffMs(attempt, o));
      }
    }
  };
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A fresh Idempotency-Key (8–200 of `A-Za-z0-9._:-`). */
export const newIdempotencyKey = (prefix = 'qtc'): string => `${prefix}-${randomUUID()}`;

/** Adds `Idempotency-Key` to a write that has none, once per logical call (its retries reuse it). */
export function addIdempotencyKey(request: Request): Request {
  if (WRITES.has(request.method) && !request.headers.has('idempotency-key')) request.headers.set('idempotency-key', newIdempotencyKey());
  return request;
}
