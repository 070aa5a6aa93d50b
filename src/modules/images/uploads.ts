import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { requireAuthenticated, type RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import type { BlobStore } from '../../kernel/blobs/blob-store.ts';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { AppError, badRequest, conflict, notFound } from '../../kernel/errors.ts';
import { hashRequest, idempotent, type IdempotentResult } from '../../kernel/idempotency.ts';
import { IMAGE_MAX_BYTES, RESUMABLE_SEGMENT_BYTES, RESUMABLE_UPLOAD_EXPIRY_MS } from '../../kernel/policy.ts';
import { assertAgencyOperator, getBatchForUpload } from '../batches/index.ts';
import { parseProcessMetadata, type ProcessMetadata } from './metadata.ts';
import { verifyCapture } from '../capture/index.ts';
import { assertNotInFuture, attachProcessImage, declaredCaptureOf, IMAGE_JOB_QUEUED, imageJobSignal, loadImageViews, type ImageView } from './service.ts';
import { ClientAbortedError, imageTooLarge, storeImage } from './store.ts';
import type { ImageUploadRow, UploadRefusal } from './tables.ts';
import './tables.ts';

/**
 * Resumable image uploads: the tus 1.0 core protocol with the creation, termination and expiration extensions
 * (https://tus.io/protocols/resumable-upload), implemented on our blob store and database rather than on a file store
 * of one process, so that any API process can take the next PATCH. Received bytes become durable in segments
 * (RESUMABLE_SEGMENT_BYTES, each a blob and a row, the offset advanced by compare-and-set); when the last byte is in,
 * the segments are streamed through the same gate and blob store as a direct upload and attached to the batch in one
 * transaction that also marks the upload attached, so the image exists once however often the last PATCH is retried.
 */

export interface UploadView {
  id: string;
  batchId: string;
  offset: number;
  length: number;
  state: ImageUploadRow['state'];
  imageId: string | null;
  refusal: UploadRefusal | null;
  createdAt: string;
  expiresAt: string;
  /** Where to send HEAD and PATCH. */
  location: string;
}

export const uploadLocation = (id: string) => `/api/v1/uploads/${id}`;

const toView = (r: ImageUploadRow): UploadView => ({
  id: r.id,
  batchId: r.batch_id,
  offset: r.upload_offset,
  length: r.upload_length,
  state: r.state,
  imageId: r.image_id,
  refusal: typeof r.refusal === 'string' ? (JSON.parse(r.refusal) as UploadRefusal) : r.refusal,
  createdAt: r.created_at.toISOString(),
  expiresAt: r.expires_at.toISOString(),
  location: uploadLocation(r.id),
});

export type PatchOutcome = { kind: 'progress'; upload: UploadView } | { kind: 'attached'; upload: UploadView; image: ImageView };

const UPLOAD_NOT_FOUND = () => notFound('UPLOAD_NOT_FOUND', '上传不存在或无权查看');
const gone = (message: string) => new AppError(410, 'UPLOAD_GONE', message);

export class ResumableUploadService {
  readonly #db: Kysely<Database>;
  readonly #blobs: BlobStore;
  constructor(deps: Pick<AppDeps, 'db' | 'blobs'>) {
    this.#db = deps.db;
    this.#blobs = deps.blobs;
  }

  /**
   * tus creation: checks everything that can be checked before the bytes (the batch takes uploads, the caller operates
   * it, the metadata is complete, the length within the limit), exactly once per Idempotency-Key.
   */
  async create(ctx: RequestContext, batchId: string, length: number, meta: ProcessMetadata, idempotencyKey: string, field: string): Promise<IdempotentResult<UploadView>> {
    if (length > IMAGE_MAX_BYTES) throw imageTooLarge();
    const hash = hashRequest(['image-upload', batchId, String(length), canonicalJson(meta.raw)]);
    return idempotent(this.#db, ctx, idempotencyKey, hash, async (trx) => {
      const batch = await getBatchForUpload(trx, ctx, batchId);
      const by = assertAgencyOperator(ctx, batch.agencyId);
      assertNotInFuture(meta, ctx, field);
      // A signed capture is checked now (key, signature, challenge — consumed by this upload), before any byte: a
      // refusal is answered to the creation request with its own code; the bytes' hash is checked when they are whole.
      const id = randomUUID();
      if (meta.capture) {
        await verifyCapture(trx, ctx, meta.capture, declaredCaptureOf(batchId, meta), { usedFor: `image_upload:${id}`, receivedAt: ctx.now, sha256: null, field: `${field}.capture` });
      }
      const row = await trx
        .insertInto('image_uploads')
        .values({
          id,
          organisation_id: batch.agencyId,
          batch_id: batch.id,
          kind: 'process',
          upload_length: length,
          declared: JSON.stringify(meta.raw),
          idempotency_key: idempotencyKey,
          state: 'receiving',
          image_id: null,
          refusal: null,
          created_at: ctx.now,
          expires_at: new Date(ctx.now.getTime() + RESUMABLE_UPLOAD_EXPIRY_MS),
          updated_at: ctx.now,
          created_by_type: by.kind,
          created_by_id: by.id,
          created_by_name: by.kind === 'user' ? by.displayName : by.name,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'image_upload.create',
        targetType: 'image_upload',
        targetId: row.id,
        organisationId: batch.agencyId,
        regionCode: batch.regionCode,
        details: { batchId, batchNumber: batch.batchNumber, length },
      });
      return { statusCode: 201, body: toView(row) };
    });
  }

  /** The upload if it belongs to the caller's organisation (its people and systems); 404 otherwise. */
  async #own(ctx: RequestContext, id: string): Promise<ImageUploadRow> {
    const actor = requireAuthenticated(ctx.actor);
    const org = actor.kind === 'machine' ? actor.organisation.id : actor.organisation?.id;
    const row = await this.#db.selectFrom('image_uploads').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !org || row.organisation_id !== org) throw UPLOAD_NOT_FOUND();
    return row;
  }

  /** tus HEAD (and GET): where the upload stands. 410 once terminated or expired unfinished. */
  async status(ctx: RequestContext, id: string): Promise<UploadView> {
    const row = await this.#own(ctx, id);
    this.#assertLive(ctx, row);
    return toView(row);
  }

  #assertLive(ctx: RequestContext, row: ImageUploadRow): void {
    if (row.state === 'terminated') throw gone('该上传已终止');
    if (row.state === 'receiving' && row.expires_at.getTime() <= ctx.now.getTime()) throw gone('该上传已过期，请重新创建上传');
  }

  /**
   * tus PATCH: appends the body at `offset` (which must be the upload's current offset: 409 otherwise), durable segment
   * by segment; a body that stops early (the connection dropped) keeps every byte that arrived. When the upload is
   * complete it is attached to its batch (once), or refused with the reason kept and answered to every retry.
   */
  async patch(ctx: RequestContext, id: string, offset: number, body: Readable): Promise<PatchOutcome> {
    let row = await this.#own(ctx, id);
    this.#assertLive(ctx, row);
    if (row.state === 'refused') throw refusalError(toView(row).refusal!);
    if (offset !== row.upload_offset) {
      throw conflict('UPLOAD_OFFSET_MISMATCH', `Upload-Offset 应为 ${row.upload_offset}`, 'headers.upload-offset', { offset: row.upload_offset });
    }
    if (row.state === 'receiving') {
      await this.#receive(ctx, row, body);
      row = await this.#db.selectFrom('image_uploads').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    }
    if (row.state === 'receiving' && row.upload_offset === row.upload_length) row = await this.#finish(ctx, row);
    if (row.state === 'refused') throw refusalError(toView(row).refusal!);
    if (row.state === 'attached') {
      const image = await this.#db.selectFrom('images').selectAll().where('id', '=', row.image_id!).executeTakeFirstOrThrow();
      return { kind: 'attached', upload: toView(row), image: (await loadImageViews(this.#db, [image]))[0]! };
    }
    return { kind: 'progress', upload: toView(row) };
  }

  async #receive(ctx: RequestContext, row: ImageUploadRow, body: Readable): Promise<void> {
    let offset = row.upload_offset;
    const remaining = row.upload_length - offset;
    let parts: Buffer[] = [];
    let buffered = 0;
    let received = 0;
    const flush = async (n: number) => {
      if (n === 0) return;
      const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      const segment = all.subarray(0, n);
      parts = all.length > n ? [all.subarray(n)] : [];
      buffered -= n;
      await this.#storeSegment(ctx, row.id, offset, segment);
      offset += n;
    };
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        received += chunk.length;
        if (received > remaining) {
          throw badRequest('UPLOAD_LENGTH_EXCEEDED', `数据超过了创建上传时申报的长度（剩余 ${remaining - (received - chunk.length)} 字节）`, 'body');
        }
        parts.push(chunk);
        buffered += chunk.length;
        while (buffered >= RESUMABLE_SEGMENT_BYTES) await flush(RESUMABLE_SEGMENT_BYTES);
      }
      await flush(buffered);
    } catch (err) {
      // The connection dropped: keep what arrived, so that HEAD reports it and the client resumes from there.
      if (err instanceof ClientAbortedError || isAbort(err)) {
        await flush(buffered);
        throw new ClientAbortedError();
      }
      throw err;
    }
  }

  /** One durable segment: the blob first, then its row and the new offset, compare-and-set against a racing writer. */
  async #storeSegment(ctx: RequestContext, uploadId: string, offset: number, data: Buffer): Promise<void> {
    const stored = await this.#blobs.put(data);
    await this.#db.transaction().execute(async (trx) => {
      const moved = await trx
        .updateTable('image_uploads')
        .set({ upload_offset: offset + data.length, updated_at: ctx.now })
        .where('id', '=', uploadId)
        .where('state', '=', 'receiving')
        .where('upload_offset', '=', offset)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw conflict('UPLOAD_OFFSET_MISMATCH', '同一上传有另一请求正在写入，请查询偏移量后重试', 'headers.upload-offset');
      await trx.insertInto('image_upload_segments').values({ upload_id: uploadId, offset, length: data.length, sha256: stored.sha256, stored_at: ctx.now }).execute();
    });
  }

  /** Joins the segments into the image's blob and attaches it; a refusal (4xx) is kept on the upload. */
  async #finish(ctx: RequestContext, row: ImageUploadRow): Promise<ImageUploadRow> {
    const segments = await this.#db.selectFrom('image_upload_segments').select(['offset', 'length', 'sha256']).where('upload_id', '=', row.id).orderBy('offset').execute();
    const blobs = this.#blobs;
    const joined = Readable.from(
      (async function* () {
        let expected = 0;
        for (const s of segments) {
          if (s.offset !== expected) throw new Error(`upload ${row.id}: segment at ${s.offset}, expected ${expected}`);
          for await (const chunk of await blobs.open(s.sha256)) yield chunk as Buffer;
          expected += s.length;
        }
      })(),
    );
    const field = 'metadata';
    try {
      const declared = typeof row.declared === 'string' ? (JSON.parse(row.declared) as Record<string, unknown>) : row.declared;
      const meta = parseProcessMetadata(declared, field);
      const stored = await storeImage(this.#blobs, joined);
      await this.#db.transaction().execute(async (trx) => {
        const view = await attachProcessImage(trx, ctx, row.batch_id, stored, meta, 'resumable', field, { id: row.id, createdAt: row.created_at });
        const marked = await trx
          .updateTable('image_uploads')
          .set({ state: 'attached', image_id: view.id, updated_at: ctx.now })
          .where('id', '=', row.id)
          .where('state', '=', 'receiving')
          .executeTakeFirst();
        // Another request finished it first: roll this attachment back and answer with that one.
        if (Number(marked.numUpdatedRows) !== 1) throw new AlreadyFinished();
      });
      imageJobSignal.emit(IMAGE_JOB_QUEUED);
    } catch (err) {
      if (err instanceof AlreadyFinished) {
        // fall through to re-read
      } else if (err instanceof AppError && err.statusCode >= 400 && err.statusCode < 500) {
        const refusal: UploadRefusal = { status: err.statusCode, code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) };
        await this.#db.transaction().execute(async (trx) => {
          const marked = await trx
            .updateTable('image_uploads')
            .set({ state: 'refused', refusal: JSON.stringify(refusal), updated_at: ctx.now })
            .where('id', '=', row.id)
            .where('state', '=', 'receiving')
            .returning(['batch_id'])
            .executeTakeFirst();
          if (marked) {
            const batch = await trx.selectFrom('batches').select(['agency_id', 'region_code']).where('id', '=', marked.batch_id).executeTakeFirstOrThrow();
            await recordAudit(trx, ctx, {
              action: 'image_upload.refuse',
              targetType: 'image_upload',
              targetId: row.id,
              organisationId: batch.agency_id,
              regionCode: batch.region_code,
              details: { batchId: row.batch_id, ...refusal },
            });
          }
        });
      } else {
        throw err;
      }
    }
    return this.#db.selectFrom('image_uploads').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  }

  /** tus termination: an unfinished upload is given up (kept as terminated: nothing is deleted). */
  async terminate(ctx: RequestContext, id: string): Promise<void> {
    const row = await this.#own(ctx, id);
    if (row.state === 'terminated') return;
    if (row.state !== 'receiving') throw conflict('UPLOAD_ALREADY_FINISHED', '上传已完成，不能终止');
    await this.#db.transaction().execute(async (trx) => {
      const marked = await trx
        .updateTable('image_uploads')
        .set({ state: 'terminated', updated_at: ctx.now })
        .where('id', '=', id)
        .where('state', '=', 'receiving')
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1) throw conflict('UPLOAD_ALREADY_FINISHED', '上传已完成，不能终止');
      const batch = await trx.selectFrom('batches').select(['agency_id', 'region_code']).where('id', '=', row.batch_id).executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'image_upload.terminate',
        targetType: 'image_upload',
        targetId: id,
        organisationId: batch.agency_id,
        regionCode: batch.region_code,
        details: { batchId: row.batch_id, offset: row.upload_offset, length: row.upload_length },
      });
    });
  }
}

class AlreadyFinished extends Error {}

function refusalError(r: UploadRefusal): AppError {
  return new AppError(r.status, r.code, r.message, r.field);
}

function isAbort(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === 'ECONNRESET' || e?.code === 'ERR_STREAM_PREMATURE_CLOSE' || e?.message === 'aborted';
}
