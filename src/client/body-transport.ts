import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';

/**
 * Requests that carry image bytes (direct uploads, tus PATCHes) go out through node:http rather than `fetch`: fetch
 * copies a byte body twice before sending it and turns a file into a web stream, which for camera-sized images cost
 * the agency system more CPU than the upload itself (measured by `npm run bench:ingest`). Here a Buffer is written to
 * the socket as it is and a file stream is piped. The answer is returned as a web `Response`, like fetch's.
 */
export type BodySender = (url: string, init: { method: string; headers: Record<string, string>; body: Uint8Array | Readable | null; signal?: AbortSignal }) => Promise<Response>;

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

const NO_BODY = new Set([101, 204, 205, 304]);

export const nodeBodySender: BodySender = (url, init) =>
  new Promise<Response>((resolve, reject) => {
    const u = new URL(url);
    const secure = u.protocol === 'https:';
    const req = (secure ? httpsRequest : httpRequest)(u, { method: init.method, headers: init.headers, agent: secure ? agents.https : agents.http, ...(init.signal ? { signal: init.signal } : {}) }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (Array.isArray(v)) for (const one of v) headers.append(k, one);
          else if (v !== undefined) headers.set(k, v);
        }
        const status = res.statusCode ?? 0;
        const bodyless = NO_BODY.has(status) || init.method === 'HEAD';
        resolve(new Response(bodyless ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers }));
      });
    });
    req.on('error', reject);
    const body = init.body;
    if (body === null) req.end();
    else if (body instanceof Uint8Array) req.end(body);
    else {
      body.on('error', (err) => req.destroy(err));
      body.pipe(req);
    }
  });

/**
 * `fetch` over node:http, the client's default for every request: openapi-fetch builds the Request, this sends it
 * (the JSON bodies are small; they are read whole). Cheaper than fetch's own network stack for the many small
 * requests an agency system makes (measured by `npm run bench:ingest`).
 */
export async function nodeFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const req = input instanceof Request ? input : new Request(input, init);
  const body = req.body === null ? null : new Uint8Array(await req.arrayBuffer());
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => {
    headers[k] = v;
  });
  return nodeBodySender(req.url, { method: req.method, headers, body, signal: req.signal });
}

/** A `fetch` given by the caller (tests, proxies) carries the bytes too, as a web stream or the bytes themselves. */
export function fetchBodySender(f: typeof fetch): BodySender {
  return (url, init) => {
    const body = init.body === null || init.body instanceof Uint8Array ? init.body : (Readable.toWeb(init.body) as ReadableStream<Uint8Array>);
    return f(url, { method: init.method, headers: init.headers, body: body as NonNullable<RequestInit['body']> | null, duplex: 'half', ...(init.signal ? { signal: init.signal } : {}) } as RequestInit);
  };
}
