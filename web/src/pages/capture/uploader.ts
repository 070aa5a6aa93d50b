import { DetailedError, Upload } from 'tus-js-client';
import { API_BASE, CONSOLE_REQUEST_HEADER } from '../../api.ts';
import { captureDb, queueOf, type QueuedCapture } from './store.ts';

/**
 * Uploads the queue of signed photos through the platform's resumable upload (tus 1.0, tus-js-client), one at a time
 * in the order they were taken, each exactly once:
 * - the creation carries the photo's own id as Idempotency-Key, so a creation retried after a lost answer is the same
 *   upload (the server answers with the first one's address);
 * - the upload's address is kept in the queue as soon as it is known, so after a reload or a lost connection the
 *   upload resumes from the server's offset (HEAD) instead of starting another;
 * - a photo is marked done only when the server says its image exists (X-QTrace-Image-Id).
 * Network failures leave the photo waiting (the runner starts again when the browser is back online); a refusal by
 * the platform (4xx, e.g. an expired challenge) marks it failed with the platform's message, for the person to see.
 */

/** Bytes per PATCH: a lost connection costs at most this much again. */
const CHUNK_BYTES = 256 * 1024;

export type Progress = Record<string, number>;

interface RunnerEvents {
  onChange(): void;
  onProgress(id: string, fraction: number): void;
}

const refusalOf = (err: Error): { status: number; message: string } | null => {
  if (!(err instanceof DetailedError) || !err.originalResponse) return null;
  const status = err.originalResponse.getStatus();
  if (status < 400 || status >= 500) return null;
  try {
    const body = JSON.parse(err.originalResponse.getBody()) as { message?: string; code?: string };
    return { status, message: body.message ? `${body.message}（${body.code ?? status}）` : `平台拒绝（HTTP ${status}）` };
  } catch {
    return { status, message: `平台拒绝（HTTP ${status}）` };
  }
};

async function save(item: QueuedCapture): Promise<void> {
  await (await captureDb()).put('queue', item);
}

function uploadOne(item: QueuedCapture, events: RunnerEvents): Promise<QueuedCapture> {
  return new Promise((resolve) => {
    let imageId: string | null = item.imageId;
    const upload = new Upload(item.jpeg, {
      endpoint: `${API_BASE}/batches/${encodeURIComponent(item.batchId)}/uploads`,
      uploadUrl: item.uploadUrl,
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1000, 3000],
      // The queue keeps the address itself (IndexedDB), bound to this photo, rather than tus-js-client's localStorage.
      storeFingerprintForResuming: false,
      headers: { [CONSOLE_REQUEST_HEADER]: '1', 'idempotency-key': item.id },
      metadata: { metadata: JSON.stringify(item.metadata) },
      onUploadUrlAvailable: () => {
        if (upload.url && upload.url !== item.uploadUrl) void save({ ...item, uploadUrl: upload.url });
      },
      onAfterResponse: (_req, res) => {
        const id = res.getHeader('x-qtrace-image-id');
        if (id) imageId = id;
      },
      onProgress: (sent, total) => events.onProgress(item.id, total > 0 ? sent / total : 0),
      onSuccess: () => {
        const done: QueuedCapture = { ...item, uploadUrl: upload.url ?? item.uploadUrl, state: 'done', imageId, error: null, uploadedAt: new Date().toISOString() };
        void save(done).then(() => resolve(done));
      },
      onError: (err) => {
        const refusal = refusalOf(err);
        const next: QueuedCapture = refusal
          ? { ...item, uploadUrl: upload.url ?? item.uploadUrl, state: 'failed', error: refusal.message, attempts: item.attempts + 1 }
          : { ...item, uploadUrl: upload.url ?? item.uploadUrl, state: 'waiting', error: '网络中断，恢复后自动续传', attempts: item.attempts + 1 };
        void save(next).then(() => resolve(next));
      },
    });
    upload.start();
  });
}

/** One runner per page: start() uploads what waits, in order, until the queue is empty or the network is gone. */
export class QueueRunner {
  #running = false;
  #again = false;
  readonly #userId: string;
  readonly #events: RunnerEvents;

  constructor(userId: string, events: RunnerEvents) {
    this.#userId = userId;
    this.#events = events;
  }

  start(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    void this.#run().finally(() => {
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.start();
      }
    });
  }

  async #run(): Promise<void> {
    for (;;) {
      if (!navigator.onLine) return;
      const next = (await queueOf(this.#userId))
        .filter((q) => q.state === 'waiting' || q.state === 'uploading')
        .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))[0];
      if (!next) return;
      await save({ ...next, state: 'uploading' });
      this.#events.onChange();
      const after = await uploadOne({ ...next, state: 'uploading' }, this.#events);
      this.#events.onChange();
      // Lost the network: stop here; the page starts the runner again when the browser is back online.
      if (after.state === 'waiting') return;
    }
  }
}

/** Puts a photo the platform refused back in line (after the person has seen why). */
export async function retry(item: QueuedCapture): Promise<void> {
  await save({ ...item, state: 'waiting', error: null });
}
