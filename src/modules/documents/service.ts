import type { Readable} from 'node:stream';
import { Transform } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import { requireUser, scopeOf, type RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import { BlobTooLargeError, type BlobStore } from '../../kernel/blobs/blob-store.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { visibleTo } from '../../kernel/db/scope-sql.ts';
import { AppError, badRequest, notFound } from '../../kernel/errors.ts';
import { DOCUMENT_MAX_BYTES } from '../../kernel/policy.ts';
import { sniffDocumentType } from './sniff.ts';
import type { DocumentRow } from './tables.ts';
import './tables.ts';

export interface DocumentInfo {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
  filename: string;
  uploadedAt: string;
}

const toInfo = (r: DocumentRow): DocumentInfo => ({
  id: r.id,
  sha256: r.sha256,
  size: r.size,
  contentType: r.content_type,
  filename: r.filename,
  uploadedAt: r.uploaded_at.toISOString(),
});

/** Keeps only the last path segment and printable characters of a client's file name. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return cleaned || 'file';
}

export class DocumentService {
  readonly #db: Kysely<Database>;
  readonly #blobs: BlobStore;
  constructor(deps: Pick<AppDeps, 'db' | 'blobs'>) {
    this.#db = deps.db;
    this.#blobs = deps.blobs;
  }

  /**
   * Streams the upload into the blob store (never buffered whole), checks its real type from the first bytes,
   * and only then commits the row: a crash in between leaves an unreferenced blob, never a row without bytes.
   */
  async upload(ctx: RequestContext, file: Readable, filename: string | undefined): Promise<DocumentInfo> {
    const user = requireUser(ctx.actor);
    let head = Buffer.alloc(0);
    const peek = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
        cb(null, chunk);
      },
    });
    let stored;
    try {
      stored = await this.#blobs.put(file.pipe(peek), { maxBytes: DOCUMENT_MAX_BYTES });
    } catch (err) {
      if (err instanceof BlobTooLargeError) {
        throw new AppError(413, 'DOCUMENT_TOO_LARGE', `文件不能超过 ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB`, 'file');
      }
      throw err;
    }
    if (stored.size === 0) throw badRequest('DOCUMENT_EMPTY', '文件为空', 'file');
    const type = sniffDocumentType(head);
    if (!type) throw new AppError(415, 'DOCUMENT_TYPE_UNSUPPORTED', '只接受 PDF、JPEG 或 PNG 文件', 'file');
    return this.#db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('documents')
        .values({
          sha256: stored.sha256,
          size: stored.size,
          content_type: type,
          filename: cleanFilename(filename),
          organisation_id: user.organisation?.id ?? null,
          region_code: user.organisation?.regionCode ?? null,
          uploaded_by: user.id,
          uploaded_at: ctx.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'document.upload',
        targetType: 'document',
        targetId: row.id,
        organisationId: row.organisation_id,
        regionCode: row.region_code,
        details: { sha256: row.sha256, size: row.size, contentType: row.content_type, filename: row.filename },
      });
      return toInfo(row);
    });
  }

  /** Metadata, for whoever may see the organisation that uploaded it (its people, its departments, admins). */
  async get(ctx: RequestContext, id: string): Promise<DocumentInfo> {
    return toInfo(await this.#visibleRow(ctx, id));
  }

  async open(ctx: RequestContext, id: string): Promise<{ info: DocumentInfo; stream: Readable }> {
    const row = await this.#visibleRow(ctx, id);
    return { info: toInfo(row), stream: await this.#blobs.open(row.sha256) };
  }

  async #visibleRow(ctx: RequestContext, id: string): Promise<DocumentRow> {
    const scope = scopeOf(ctx.actor);
    const row = await this.#db
      .selectFrom('documents as d')
      .selectAll('d')
      .where('d.id', '=', id)
      .where((eb) =>
        scope.kind === 'all'
          ? eb.lit(true)
          : eb.and([eb('d.organisation_id', 'is not', null), visibleTo(scope, { organisation: eb.ref('d.organisation_id'), region: eb.ref('d.region_code') })]),
      )
      .executeTakeFirst();
    if (!row) throw notFound('DOCUMENT_NOT_FOUND', '文件不存在或无权查看');
    return row;
  }
}

/**
 * For modules that attach a document to a registry entry: the document must exist and have been uploaded for the
 * caller's own organisation (or by a platform administrator). Throws 400 naming `field` otherwise.
 */
export async function useDocument(
  trx: Transaction<Database> | Kysely<Database>,
  ctx: RequestContext,
  documentId: string,
  field: string,
): Promise<{ id: string; sha256: string }> {
  const user = requireUser(ctx.actor);
  const row = await trx.selectFrom('documents').select(['id', 'sha256', 'organisation_id']).where('id', '=', documentId).executeTakeFirst();
  const mine = row && (user.roles.includes('platform_admin') || (row.organisation_id !== null && row.organisation_id === user.organisation?.id));
  if (!row || !mine) throw badRequest('DOCUMENT_INVALID', '附件不存在或不是本单位上传的文件', field);
  return { id: row.id, sha256: row.sha256 };
}
