import type { Readable } from 'node:stream';
import { startLoop } from '../../kernel/loop.ts';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import { BlobHashMismatchError, BlobNotFoundError, type BlobStore, type Sha256Hex, type StoredBlob } from '../../kernel/blobs/blob-store.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db/types.ts';
import { LEDGER_SCRUB_BATCH, LEDGER_SCRUB_INTERVAL_MS } from '../../kernel/policy.ts';
import './tables.ts';

/**
 * Operators cannot go unnoticed (issue 13 item 6): a stored blob whose bytes no longer hash to its name is never
 * served (the blob store refuses it before any header, the error handler answers 500 BLOB_INTEGRITY_FAILED), and
 * every such finding, on download, by the scrub job or by `ledger:audit`, is an integrity alarm: a row the platform
 * administrator lists, and an audit entry.
 */
export type FoundBy = 'download' | 'scrub' | 'audit';

const systemCtx = (now: Date, by: FoundBy): RequestContext => ({ actor: { kind: 'system', name: `integrity-${by}` }, requestId: `integrity:${by}:${now.toISOString()}`, clientIp: null, now });

export async function raiseIntegrityAlarm(
  db: Kysely<Database>,
  now: Date,
  a: { kind: 'blob_hash_mismatch' | 'blob_missing'; sha256: Sha256Hex; actual: Sha256Hex | null; foundBy: FoundBy },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('integrity_alarms').values({ kind: a.kind, sha256: a.sha256, actual_sha256: a.actual, found_by: a.foundBy, detected_at: now }).execute();
    const objects = await trx.selectFrom('ledger_entries').select(['object_type', 'object_id']).where('content_sha256', '=', a.sha256).execute();
    await recordAudit(trx, systemCtx(now, a.foundBy), {
      action: 'integrity.alarm',
      targetType: 'blob',
      targetId: a.sha256,
      details: { kind: a.kind, actualSha256: a.actual, foundBy: a.foundBy, objects: objects.map((o) => `${o.object_type}:${o.object_id}`) },
    });
  });
}

/** The application's blob store, raising an alarm whenever stored bytes fail their hash on the way out. */
export class AlarmingBlobStore implements BlobStore {
  readonly #inner: BlobStore;
  /** The plain store underneath (the scrub raises its own alarms). */
  readonly inner: BlobStore;
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  constructor(inner: BlobStore, db: Kysely<Database>, clock: Clock) {
    this.#inner = inner;
    this.inner = inner;
    this.#db = db;
    this.#clock = clock;
  }
  /** The local store's file path, when the store underneath has files (the image worker reads them in place). */
  get pathOf(): ((sha256: Sha256Hex) => string) | undefined {
    const local = (this.#inner as BlobStore & { pathOf?: (sha: string) => string }).pathOf;
    return typeof local === 'function' ? local.bind(this.#inner) : undefined;
  }
  put(content: Readable | Buffer, opts?: { maxBytes?: number; expectedSha256?: Sha256Hex }): Promise<StoredBlob> {
    return this.#inner.put(content, opts);
  }
  has(sha256: Sha256Hex): Promise<boolean> {
    return this.#inner.has(sha256);
  }
  ping(): Promise<void> {
    return this.#inner.ping();
  }
  async open(sha256: Sha256Hex): Promise<Readable> {
    return this.#alarmOn(sha256, () => this.#inner.open(sha256));
  }
  async read(sha256: Sha256Hex): Promise<Buffer> {
    return this.#alarmOn(sha256, () => this.#inner.read(sha256));
  }
  async #alarmOn<T>(sha256: Sha256Hex, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof BlobHashMismatchError) {
        await raiseIntegrityAlarm(this.#db, this.#clock.now(), { kind: 'blob_hash_mismatch', sha256, actual: err.actual ?? null, foundBy: 'download' });
      }
      throw err;
    }
  }
}

/** Re-hashes one stored blob: 'ok', 'mismatch' (with what it hashes to now) or 'missing'. */
export async function checkBlob(blobs: BlobStore, sha256: Sha256Hex): Promise<{ state: 'ok' } | { state: 'mismatch'; actual: string | null } | { state: 'missing' }> {
  try {
    await blobs.read(sha256);
    return { state: 'ok' };
  } catch (err) {
    if (err instanceof BlobHashMismatchError) return { state: 'mismatch', actual: err.actual ?? null };
    if (err instanceof BlobNotFoundError) return { state: 'missing' };
    throw err;
  }
}

/** Types of receipts whose content hash names a stored blob. */
export const BLOB_RECEIPT_TYPES = ['image', 'report'] as const;

/**
 * One scrub pass: every blob named by a receipt (images, report PDFs), re-hashed, in chunks of LEDGER_SCRUB_BATCH.
 * Each mismatch or missing blob raises an alarm. `blobs` is the plain store (the alarm is raised here, once).
 */
export async function scrubBlobs(db: Kysely<Database>, blobs: BlobStore, now: () => Date): Promise<{ checked: number; failed: { sha256: string; state: string }[] }> {
  let after = 0;
  let checked = 0;
  const failed: { sha256: string; state: string }[] = [];
  for (;;) {
    const rows = await db
      .selectFrom('ledger_entries')
      .select(['id', 'content_sha256'])
      .where('object_type', 'in', [...BLOB_RECEIPT_TYPES])
      .where('id', '>', after)
      .orderBy('id')
      .limit(LEDGER_SCRUB_BATCH)
      .execute();
    if (rows.length === 0) return { checked, failed };
    after = rows[rows.length - 1]!.id;
    for (const r of rows) {
      checked++;
      const c = await checkBlob(blobs, r.content_sha256);
      if (c.state === 'ok') continue;
      failed.push({ sha256: r.content_sha256, state: c.state });
      await raiseIntegrityAlarm(db, now(), { kind: c.state === 'missing' ? 'blob_missing' : 'blob_hash_mismatch', sha256: r.content_sha256, actual: c.state === 'mismatch' ? c.actual : null, foundBy: 'scrub' });
    }
  }
}

export function unwrapBlobs(blobs: BlobStore): BlobStore {
  return blobs instanceof AlarmingBlobStore ? blobs.inner : blobs;
}

/** The scrub job: a pass at start-up and every LEDGER_SCRUB_INTERVAL_MS. */
export function startBlobScrub(deps: { db: Kysely<Database>; blobs: BlobStore; clock: Clock }, opts: { intervalMs?: number; log?: FastifyBaseLogger | pino.Logger } = {}) {
  const intervalMs = opts.intervalMs ?? LEDGER_SCRUB_INTERVAL_MS;
  const log = opts.log ?? pino({ name: 'blob-scrub' });
  return startLoop(
    async () => {
      const r = await scrubBlobs(deps.db, unwrapBlobs(deps.blobs), () => deps.clock.now());
      if (r.failed.length > 0) log.error({ scrub: r }, 'blob scrub found stored files that fail their hash');
    },
    { intervalMs, onError: (err) => log.error({ err }, 'blob scrub failed; retrying at the next interval') },
  );
}
