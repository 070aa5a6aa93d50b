/** A small typed client for the QTrace API: JSON in and out, the session cookie, and errors as `ApiError`. */

export const API_BASE = '/api/v1';

/** An error answered by the server (`{ code, message, field? }`) or met on the way to it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The input at fault as the server names it, e.g. `body.uscc` or `body.roles.1`. */
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }

  /** The top-level form field name the error belongs to: `body.roles.1` → `roles`. */
  get fieldName(): string | undefined {
    if (!this.field) return undefined;
    const parts = this.field.split('.').filter((p) => p !== '' && !/^\d+$/.test(p));
    if (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params') parts.shift();
    return parts[0]?.replace(/\[\d+\]$/, '');
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: '请求内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '无权执行此操作',
  404: '对象不存在或无权查看',
  409: '操作冲突，请刷新后重试',
  413: '提交的内容过大',
  429: '操作过于频繁，请稍后再试',
};

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called when a request other than login answers 401: the session has ended. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function errorFrom(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's error page, say): fall back to a message by status.
  }
  const b = (body ?? {}) as { code?: unknown; message?: unknown; field?: unknown };
  const code = typeof b.code === 'string' ? b.code : `HTTP_${res.status}`;
  const message =
    typeof b.message === 'string' && b.message !== ''
      ? b.message
      : (FALLBACK_MESSAGES[res.status] ?? (res.status >= 500 ? '服务器暂时无法处理请求，请稍后重试' : '请求失败，请稍后重试'));
  return new ApiError(res.status, code, message, typeof b.field === 'string' ? b.field : undefined);
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal: opts.signal };
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接到服务器，请检查网络后重试');
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    if (res.status === 401 && path !== '/auth/login' && path !== '/auth/me') {
      unauthorizedListeners.forEach((l) => l());
    }
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
};

export const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError';

/** The message to show a person for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作失败，请稍后重试';
}
