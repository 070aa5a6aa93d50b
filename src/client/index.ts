import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './api-types.ts';
import { addIdempotencyKey, apiError, newIdempotencyKey, QTraceApiError, retryingFetch, type RetryOptions } from './http.ts';
import { fetchBodySender, nodeBodySender, nodeFetch } from './body-transport.ts';
import { resumableUpload, uploadImage, type ImageSource, type ResumableOptions, type Transport } from './uploads.ts';
import type { ImageMetadata } from './signing.ts';

/**
 * The QTrace integration client for agency systems (LIMS, instrument gateways): the typed API (`api`, openapi-fetch
 * over the types generated from the platform's OpenAPI document) and the helpers every agency system needs —
 * machine-credential auth, an Idempotency-Key on every write reused by its retries, retries with back-off, signed
 * records (signing.ts), streamed and resumable image uploads (uploads.ts). It imports nothing of the server but the
 * pure canonicalisation code, so an agency can vendor `src/client/` as it is.
 */

export * from './body-transport.ts';
export * from './http.ts';
export * from './signing.ts';
export * from './uploads.ts';
export type { components, paths };

export type Schemas = components['schemas'];
export type BatchDetail = Schemas['BatchDetail'];
export type RawRecord = Schemas['RawRecord'];
export type WitnessAttestation = Schemas['WitnessAttestation'];
export type NewBatch = paths['/api/v1/batches']['post']['requestBody']['content']['application/json'];
export type NewRecord = paths['/api/v1/batches/{id}/records']['post']['requestBody']['content']['application/json'];
export type SealManifest = paths['/api/v1/batches/{id}/seal']['post']['requestBody']['content']['application/json'];

export interface ClientOptions {
  /** The platform, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** A machine credential `qtm_<keyId>_<secret>` (agency systems). */
  credential?: string;
  /** A console session cookie `qtrace_session=…` (people; the simulator's set-up). */
  cookie?: string;
  retry?: RetryOptions;
  /** Default: node:http (body-transport.ts). A fetch given here carries every request, image bytes included. */
  fetch?: typeof fetch;
}

export interface QTraceClient {
  /** Every endpoint, typed: `await q.api.GET('/api/v1/batches/{id}', { params: { path: { id } } })`. */
  api: Client<paths>;
  transport: Transport;
  /** `data` of an openapi-fetch result, or its error thrown as QTraceApiError. */
  unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T;
  openBatch(body: NewBatch, opts?: { idempotencyKey?: string }): Promise<BatchDetail>;
  getBatch(id: string): Promise<BatchDetail>;
  uploadRecord(batchId: string, record: NewRecord, opts?: { idempotencyKey?: string }): Promise<{ record: RawRecord; replayed: boolean }>;
  uploadImage(batchId: string, source: ImageSource, metadata: ImageMetadata, opts?: { idempotencyKey?: string; contentType?: string }): ReturnType<typeof uploadImage>;
  resumableUpload(batchId: string, source: ImageSource, metadata: ImageMetadata, opts?: ResumableOptions): ReturnType<typeof resumableUpload>;
  complete(batchId: string, completedAt: string): Promise<BatchDetail>;
  seal(batchId: string, manifest: SealManifest): Promise<BatchDetail>;
  /** Every process image of a batch (all pages). */
  listImages(batchId: string): Promise<Schemas['Image'][]>;
  listRecords(batchId: string): Promise<RawRecord[]>;
}

export function createQTraceClient(o: ClientOptions): QTraceClient {
  const auth: Record<string, string> = {};
  if (o.credential) auth.authorization = `Bearer ${o.credential}`;
  // A person's session acts as the console does, with its header (src/kernel/http/cross-site.ts).
  if (o.cookie) Object.assign(auth, { cookie: o.cookie, 'x-qtrace-request': '1' });
  const baseFetch: typeof fetch = o.fetch ?? nodeFetch;
  const retry = o.retry ?? {};
  const api = createClient<paths>({ baseUrl: o.baseUrl, headers: auth, fetch: retryingFetch((r) => baseFetch(r), retry) });
  api.use({ onRequest: ({ request }) => addIdempotencyKey(request) });
  const transport: Transport = { baseUrl: o.baseUrl, headers: () => ({ ...auth }), fetch: baseFetch, sendBody: o.fetch ? fetchBodySender(o.fetch) : nodeBodySender, retry };

  const unwrap = <T>(r: { data?: T; error?: unknown; response: Response }): T => {
    if (r.response.ok && r.data !== undefined) return r.data;
    const body = r.error && typeof r.error === 'object' ? (r.error as Record<string, unknown>) : { message: String(r.error ?? '') };
    throw new QTraceApiError(r.response.status, body);
  };
  const key = (given?: string) => ({ 'idempotency-key': given ?? newIdempotencyKey() });

  return {
    api,
    transport,
    unwrap,
    async openBatch(body, opts = {}) {
      return unwrap(await api.POST('/api/v1/batches', { body, params: { header: key(opts.idempotencyKey) } }));
    },
    async getBatch(id) {
      return unwrap(await api.GET('/api/v1/batches/{id}', { params: { path: { id } } }));
    },
    async uploadRecord(batchId, record, opts = {}) {
      const r = await api.POST('/api/v1/batches/{id}/records', { body: record, params: { path: { id: batchId }, header: key(opts.idempotencyKey) } });
      return { record: unwrap(r), replayed: r.response.headers.get('idempotent-replayed') === 'true' };
    },
    uploadImage: (batchId, source, metadata, opts = {}) => uploadImage(transport, batchId, source, metadata, opts),
    resumableUpload: (batchId, source, metadata, opts = {}) => resumableUpload(transport, batchId, source, metadata, opts),
    async complete(batchId, completedAt) {
      return unwrap(await api.POST('/api/v1/batches/{id}/complete', { body: { completedAt }, params: { path: { id: batchId } } }));
    },
    async seal(batchId, manifest) {
      return unwrap(await api.POST('/api/v1/batches/{id}/seal', { body: manifest, params: { path: { id: batchId } } }));
    },
    async listImages(batchId) {
      const out: Schemas['Image'][] = [];
      for (let page = 1; ; page++) {
        const r = unwrap(await api.GET('/api/v1/batches/{id}/images', { params: { path: { id: batchId }, query: { page, pageSize: 100 } } }));
        out.push(...r.items);
        if (out.length >= r.total || r.items.length === 0) return out;
      }
    },
    async listRecords(batchId) {
      return unwrap(await api.GET('/api/v1/batches/{id}/records', { params: { path: { id: batchId } } }));
    },
  };
}

/** Signs in a person through the console's login and returns the session cookie to send (`ClientOptions.cookie`). */
export async function login(baseUrl: string, username: string, password: string, f: typeof fetch = globalThis.fetch): Promise<string> {
  const res = await f(new URL('/api/v1/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw await apiError(res);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('qtrace_session='));
  if (!cookie) throw new Error('login answered without a session cookie');
  return cookie;
}
