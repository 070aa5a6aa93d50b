/** A small typed client for the QTrace API: JSON in and out, the session cookie, and errors as `ApiError`. */

export const API_BASE = '/api/v1';

/** The header that marks a request as the console's own (CONSOLE_REQUEST_HEADER in src/kernel/http/cross-site.ts). */
export const CONSOLE_REQUEST_HEADER = 'x-qtrace-request';

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
  /** Extra request headers, e.g. an `idempotency-key`. */
  headers?: Record<string, string>;
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

/** One round trip: network failures and error answers become `ApiError`; a 401 tells the listeners. */
async function send(path: string, query: Query | undefined, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    // Every console call carries the platform's custom header: the server refuses session-cookie changes without it
    // (src/kernel/http/cross-site.ts), which no foreign form or simple cross-origin request can send.
    const headers = new Headers(init.headers);
    headers.set(CONSOLE_REQUEST_HEADER, '1');
    res = await fetch(buildUrl(path, query), { credentials: 'same-origin', ...init, headers });
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
  return res;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...opts.headers, accept: 'application/json' };
  const init: RequestInit = { method, headers, signal: opts.signal };
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  const res = await send(path, opts.query, init);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Uploads one file as multipart/form-data under the field name `file` (the API's one convention for files). */
export async function upload<T>(path: string, file: Blob, filename: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, filename);
  const res = await send(path, undefined, { method: 'POST', headers: { accept: 'application/json' }, body: form });
  return (await res.json()) as T;
}

/** Sends a file's bytes as the request body (the API's streamed uploads, e.g. process images), with `headers`. */
export async function postRaw<T>(path: string, body: Blob, headers: Record<string, string>): Promise<T> {
  const res = await send(path, undefined, { method: 'POST', headers: { ...headers, accept: 'application/json' }, body });
  return (await res.json()) as T;
}

/** The file name a download answer suggests (RFC 6266 `filename*` first), or `fallback`. */
function filenameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Fetches a file the API generates (a PDF, say) and hands it to the browser as a download. */
export async function downloadFile(path: string, query: Query | undefined, fallbackName: string): Promise<{ filename: string; size: number }> {
  const res = await send(path, query, { method: 'GET' });
  const blob = await res.blob();
  const filename = filenameOf(res, fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { filename, size: blob.size };
}

/** Where a stored document (a scanned certificate, an authorization) opens in the browser. */
export const documentUrl = (id: string): string => `${API_BASE}/documents/${encodeURIComponent(id)}/content`;

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
