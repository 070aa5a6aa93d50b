import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql, type Kysely, type Transaction } from 'kysely';
import { Value } from 'typebox/value';
import { requireAuthenticated, requireRole, type RequestContext } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit.ts';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { AppError, badRequest, conflict, notFound } from '../../kernel/errors.ts';
import type { Specialty } from '../../kernel/specialties.ts';
import { checkCatalogueDocument, type FieldError } from './rules/document.ts';
import { CatalogueDocument, type CatalogueDocumentDef, type CatalogueItemDef } from './schema.ts';
import type { CatalogueVersionRow } from './tables.ts';
import './tables.ts';
import { advisoryXactLock, LOCKS } from '../../kernel/db/locks.ts';

export { validateRecordValues } from './rules/record-values.ts';
export type { FieldError } from './rules/document.ts';

export interface CatalogueVersionInfo {
  version: number;
  checksum: string;
  note: string;
  authorName: string;
  createdAt: string;
  itemCount: number;
}

export interface Catalogue extends CatalogueVersionInfo {
  document: CatalogueDocumentDef;
}

/** Advisory-lock key for loading the shipped first version and for publishing ("QT" + catalogue 0x0C01). */

const SHIPPED_VERSION_FILE = new URL('./data/catalogue-v1.json', import.meta.url);

/** SHA-256 of the document in RFC 8785 form: jsonb does not keep key order, and the checksum must be recomputable from the row. */
export function catalogueChecksum(doc: CatalogueDocumentDef): string {
  return createHash('sha256').update(canonicalJson(doc)).digest('hex');
}

/** Structure (the TypeBox schema) first, then the rules across the document. Paths are relative to the document. */
export function checkDocument(raw: unknown): { ok: true; document: CatalogueDocumentDef } | { ok: false; errors: FieldError[] } {
  if (!Value.Check(CatalogueDocument, raw)) {
    const first = [...Value.Errors(CatalogueDocument, raw)][0];
    const field = first ? first.instancePath.split('/').filter(Boolean).join('.') : '';
    return { ok: false, errors: [{ field, code: 'CATALOGUE_DOCUMENT_INVALID', message: `目录文档结构不合法：${field || '(根)'} ${first?.message ?? ''}`.trim() }] };
  }
  const errors = checkCatalogueDocument(raw);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, document: raw };
}

const itemCount = (doc: CatalogueDocumentDef) => doc.specialties.reduce((n, s) => n + s.items.length, 0);

/** Documents by checksum: a version never changes, so its parsed document can be shared by every reader. */
const documentCache = new Map<string, CatalogueDocumentDef>();
const DOCUMENT_CACHE_MAX = 16;

function toInfo(row: Omit<CatalogueVersionRow, 'document'>, items: number): CatalogueVersionInfo {
  return {
    version: row.version,
    checksum: row.checksum,
    note: row.note,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
    itemCount: items,
  };
}

/** Shared between callers, so nobody may change it in place. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

type Db = Kysely<Database> | Transaction<Database>;

/** The version in force: the highest published. 503 if none is loaded (the start loads the shipped one). */
export async function getCurrentCatalogue(db: Db): Promise<Catalogue> {
  const head = await db.selectFrom('catalogue_versions').select(['version', 'checksum']).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!head) throw new AppError(503, 'CATALOGUE_MISSING', '检测项目目录尚未加载');
  return (await getCatalogueVersion(db, head.version))!;
}

/** A pinned version, as batches that used it read it; null if there is no such version. */
export async function getCatalogueVersion(db: Db, version: number): Promise<Catalogue | null> {
  const meta = await db
    .selectFrom('catalogue_versions')
    .select(['version', 'checksum', 'note', 'author_id', 'author_name', 'created_at'])
    .where('version', '=', version)
    .executeTakeFirst();
  if (!meta) return null;
  // The document (tens of kilobytes) is fetched and parsed only the first time this process meets the version.
  let document = documentCache.get(meta.checksum);
  if (!document) {
    const row = await db.selectFrom('catalogue_versions').select('document').where('version', '=', version).executeTakeFirstOrThrow();
    document = (typeof row.document === 'string' ? JSON.parse(row.document) : row.document) as CatalogueDocumentDef;
    if (documentCache.size >= DOCUMENT_CACHE_MAX) documentCache.delete(documentCache.keys().next().value!);
    documentCache.set(meta.checksum, deepFreeze(document));
  }
  return { ...toInfo(meta, itemCount(document)), document };
}

export interface CatalogueItemRef {
  specialty: Specialty;
  specialtyName: string;
  item: CatalogueItemDef;
}

/** The item with this code, and the specialty it belongs to; null if the version has no such item. */
export function findItem(catalogue: Pick<Catalogue, 'document'>, itemCode: string): CatalogueItemRef | null {
  for (const s of catalogue.document.specialties) {
    const item = s.items.find((i) => i.code === itemCode);
    if (item) return { specialty: s.code, specialtyName: s.name, item };
  }
  return null;
}

/** The shipped first version, checked as strictly as a published one: a broken file stops the start. */
export function loadShippedDocument(): CatalogueDocumentDef {
  const raw: unknown = JSON.parse(readFileSync(SHIPPED_VERSION_FILE, 'utf8'));
  const checked = checkDocument(raw);
  if (!checked.ok) {
    const e = checked.errors[0]!;
    throw new Error(`catalogue-v1.json is invalid at ${e.field}: ${e.code} ${e.message}`);
  }
  return checked.document;
}

/**
 * At start: an empty table gets the shipped first version. Processes starting together serialise on an advisory lock
 * and the others find the table filled. Returns whether this call loaded it.
 */
export async function ensureCatalogueLoaded(db: Kysely<Database>, now: Date): Promise<boolean> {
  const document = loadShippedDocument();
  return db.transaction().execute(async (trx) => {
    await advisoryXactLock(trx, LOCKS.catalogueLoad);
    if (await trx.selectFrom('catalogue_versions').select('version').limit(1).executeTakeFirst()) return false;
    const checksum = catalogueChecksum(document);
    await trx
      .insertInto('catalogue_versions')
      .values({
        version: 1,
        document: JSON.stringify(document),
        checksum,
        note: '首版：资质标准九个专项及通知点名六个专项的现场检测项目',
        author_id: null,
        author_name: '平台（随软件发布）',
        created_at: now,
      })
      .execute();
    await recordAudit(trx, { actor: { kind: 'system', name: 'catalogue-loader' }, requestId: 'startup', clientIp: null, now }, {
      action: 'catalogue.load',
      targetType: 'catalogue_version',
      targetId: '1',
      details: { version: 1, checksum, items: itemCount(document) },
    });
    return true;
  });
}

export interface PublishInput {
  /** The version the editor started from: publishing over a newer one would silently drop its changes. */
  basedOnVersion: number;
  note: string;
  document: unknown;
}

/** Item codes added, removed and changed between two documents, for the audit trail and the publisher's answer. */
export function diffItems(before: CatalogueDocumentDef, after: CatalogueDocumentDef): { added: string[]; removed: string[]; changed: string[] } {
  const index = (doc: CatalogueDocumentDef) =>
    new Map(doc.specialties.flatMap((s) => s.items.map((i) => [i.code, canonicalJson({ specialty: s.code, ...i })] as const)));
  const a = index(before);
  const b = index(after);
  return {
    added: [...b.keys()].filter((k) => !a.has(k)),
    removed: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)),
  };
}

export class CatalogueService {
  readonly #db: Kysely<Database>;
  constructor(deps: Pick<AppDeps, 'db'>) {
    this.#db = deps.db;
  }

  /** Reference data: every signed-in user and agency system reads every version. */
  async current(ctx: RequestContext): Promise<Catalogue> {
    requireAuthenticated(ctx.actor);
    return getCurrentCatalogue(this.#db);
  }

  async versions(ctx: RequestContext): Promise<CatalogueVersionInfo[]> {
    requireAuthenticated(ctx.actor);
    const rows = await this.#db
      .selectFrom('catalogue_versions')
      .select(['version', 'checksum', 'note', 'author_id', 'author_name', 'created_at'])
      .select(sql<number>`(select coalesce(sum(jsonb_array_length(s -> 'items')), 0) from jsonb_array_elements(document -> 'specialties') s)`.as('items'))
      .orderBy('version', 'desc')
      .execute();
    return rows.map((r) => toInfo(r, Number(r.items)));
  }

  async version(ctx: RequestContext, version: number): Promise<Catalogue> {
    requireAuthenticated(ctx.actor);
    const c = await getCatalogueVersion(this.#db, version);
    if (!c) throw notFound('CATALOGUE_VERSION_NOT_FOUND', `检测项目目录第 ${version} 版不存在`);
    return c;
  }

  /** The platform admin publishes the next version; versions are never edited. */
  async publish(ctx: RequestContext, input: PublishInput): Promise<Catalogue & { changes: ReturnType<typeof diffItems> }> {
    const user = requireRole(ctx.actor, 'platform_admin');
    const note = input.note.trim();
    if (note.length < 2) throw badRequest('CATALOGUE_NOTE_REQUIRED', '请说明本版修改内容', 'body.note');
    const checked = checkDocument(input.document);
    if (!checked.ok) {
      const e = checked.errors[0]!;
      throw badRequest(e.code, e.message, e.field ? `body.document.${e.field}` : 'body.document');
    }
    const document = checked.document;
    const checksum = catalogueChecksum(document);
    return this.#db.transaction().execute(async (trx) => {
      await advisoryXactLock(trx, LOCKS.catalogueLoad);
      const current = await getCurrentCatalogue(trx);
      if (current.version !== input.basedOnVersion) {
        throw conflict('EDIT_CONFLICT', `目录已更新至第 ${current.version} 版，请基于最新版本修改`, 'body.basedOnVersion');
      }
      if (current.checksum === checksum) {
        throw badRequest('CATALOGUE_UNCHANGED', '目录内容与当前版本相同，无需发布', 'body.document');
      }
      const version = current.version + 1;
      const row = await trx
        .insertInto('catalogue_versions')
        .values({ version, document: JSON.stringify(document), checksum, note, author_id: user.id, author_name: user.displayName, created_at: ctx.now })
        .returning(['version', 'checksum', 'note', 'author_id', 'author_name', 'created_at'])
        .executeTakeFirstOrThrow();
      const changes = diffItems(current.document, document);
      await recordAudit(trx, ctx, {
        action: 'catalogue.publish',
        targetType: 'catalogue_version',
        targetId: String(version),
        details: { version, basedOn: current.version, checksum, note, changes },
      });
      return { ...toInfo(row, itemCount(document)), document, changes };
    });
  }
}
