import type { Readable } from 'node:stream';
import { sql, type Kysely, type Transaction } from 'kysely';
import { scopeOf, type RequestContext } from '../../kernel/auth/actor.ts';
import type { BlobStore } from '../../kernel/blobs/blob-store.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { Database } from '../../kernel/db/types.ts';
import { conflict, notFound } from '../../kernel/errors.ts';
import { IMAGE_REUSE_MAX_HAMMING } from '../../kernel/policy.ts';
import { batchVisibleTo } from '../batches/index.ts';
import { findVisibleImage } from './service.ts';
import { bandProbes, hashBands } from './rules/flags.ts';
import type { Orientation, ReuseHash } from './rules/reuse-hash.ts';
import type { ReuseCandidate, ReuseFinding } from './rules/reuse.ts';
import './tables.ts';

/**
 * The reuse index in PostgreSQL (migration 0016): multi-index hashing over four 16-bit chunks of each 64-bit hash.
 * Two hashes within d bits agree in some chunk within ⌊d/4⌋ bits (pigeonhole), so a lookup probes each chunk's index
 * with every value within that radius and checks only those rows in full: exact recall up to the threshold. One
 * statement per image, whatever the number of its hashes; the same SQL on PGlite and PostgreSQL.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** A 16-hex hash as the signed 64-bit integer PostgreSQL stores (decimal text). */
export const hashToBigint = (hex: string): string => BigInt.asIntN(64, BigInt(`0x${hex}`)).toString();

/** The rows of `image_reuse_hashes` for an image's hashes. */
export function reuseHashRows(imageId: string, hashes: readonly ReuseHash[]) {
  return hashes.map((h) => {
    const [c0, c1, c2, c3] = hashBands(h.hash);
    return { image_id: imageId, region: h.region, orientation: h.orientation, hash: hashToBigint(h.hash), c0, c1, c2, c3 };
  });
}

export async function insertReuseHashes(db: Db, imageId: string, hashes: readonly ReuseHash[]): Promise<void> {
  if (hashes.length > 0) await db.insertInto('image_reuse_hashes').values(reuseHashRows(imageId, hashes)).execute();
}

/** A hash row near one of the query's hashes: which query hash, the row's image, region, hash (hex) and distance. */
export interface HashHit {
  queryIndex: number;
  imageId: string;
  region: string;
  orientation: Orientation;
  hash: string;
  distance: number;
}

/**
 * Every stored hash within `maxDistance` of one of `hashes` (excluding `excludeImageId`'s own), by multi-index
 * hashing. `table` is for the benchmark, which loads a copy of the table's shape.
 */
export async function nearHashes(
  db: Db,
  hashes: readonly string[],
  opts: { maxDistance?: number; excludeImageId?: string | null; table?: string } = {},
): Promise<HashHit[]> {
  if (hashes.length === 0) return [];
  const maxDistance = opts.maxDistance ?? IMAGE_REUSE_MAX_HAMMING;
  const radius = Math.floor(maxDistance / 4);
  const pi: number[] = [];
  const pc: number[] = [];
  const pv: number[] = [];
  hashes.forEach((h, i) => {
    hashBands(h).forEach((band, chunk) => {
      for (const v of bandProbes(band, radius)) {
        pi.push(i);
        pc.push(chunk);
        pv.push(v);
      }
    });
  });
  const t = sql.table(opts.table ?? 'image_reuse_hashes');
  // One index probe per (chunk, value), each branch on its own index (an OR would use none), the distance checked in
  // the branch from the index tuple; UNION ALL (a pair found through two chunks is merged here, not by a hash
  // aggregate over every candidate).
  const branch = (chunk: 0 | 1 | 2 | 3) =>
    sql`select p.i, h.image_id, h.hash, bit_count((h.hash # q.hash)::bit(64))::int as distance
          from p join ${t} h on h.${sql.ref(`c${chunk}`)} = p.v join q on q.i = p.i
         where p.c = ${chunk} and bit_count((h.hash # q.hash)::bit(64)) <= ${maxDistance}`;
  const r = await sql<{ i: number; image_id: string; region: string; orientation: Orientation; hash: string; distance: number }>`
    with q(i, hash) as (select * from unnest(${hashes.map((_, i) => i)}::int[], ${hashes.map(hashToBigint)}::bigint[])),
         p(i, c, v) as (select * from unnest(${pi}::int[], ${pc}::int[], ${pv}::int[])),
         near as (
           select distinct * from (${branch(0)} union all ${branch(1)} union all ${branch(2)} union all ${branch(3)}) c
            where c.image_id <> ${opts.excludeImageId ?? '00000000-0000-0000-0000-000000000000'})
    select near.i, near.image_id, h.region, h.orientation, lpad(to_hex(near.hash), 16, '0') as hash, near.distance
      from near join ${t} h on h.image_id = near.image_id and h.hash = near.hash`.execute(db);
  return r.rows.map((x) => ({ queryIndex: Number(x.i), imageId: x.image_id, region: x.region, orientation: x.orientation, hash: x.hash, distance: Number(x.distance) }));
}

/**
 * The candidates for an image's reuse finding: other images with the same bytes, and images with a near hash; each
 * with its batch, agency and upload time. Only images already analysed have hashes (the worker serialises the lookup
 * with the insertion, so of two copies the later-analysed one is flagged).
 */
export async function reuseCandidates(db: Db, image: { id: string; sha256: string }, hashes: readonly ReuseHash[]): Promise<ReuseCandidate[]> {
  const [same, hits] = await Promise.all([
    db
      .selectFrom('images as i')
      .innerJoin('image_analyses as a', 'a.image_id', 'i.id')
      .select(['i.id', 'i.batch_id', 'i.agency_id', 'i.uploaded_at'])
      .where('i.sha256', '=', image.sha256)
      .where('i.id', '<>', image.id)
      .orderBy('i.uploaded_at')
      .limit(1)
      .execute(),
    nearHashes(db, hashes.map((h) => h.hash), { excludeImageId: image.id }),
  ]);
  const ids = [...new Set(hits.map((h) => h.imageId))];
  const meta = ids.length === 0 ? [] : await db.selectFrom('images').select(['id', 'batch_id', 'agency_id', 'uploaded_at']).where('id', 'in', ids).execute();
  const of = new Map(meta.map((m) => [m.id, m]));
  return [
    ...same.map((s) => ({ imageId: s.id, batchId: s.batch_id, agencyId: s.agency_id, uploadedAt: s.uploaded_at, region: null, orientation: null, hash: null, queryIndex: null, distance: 0, sameBytes: true })),
    ...hits.flatMap((h) => {
      const m = of.get(h.imageId);
      return m ? [{ imageId: h.imageId, batchId: m.batch_id, agencyId: m.agency_id, uploadedAt: m.uploaded_at, region: h.region, orientation: h.orientation, hash: h.hash, queryIndex: h.queryIndex, distance: h.distance, sameBytes: false }] : [];
    }),
  ];
}

/** Keeps a finding's full evidence (the anomaly carries only what the uploading agency may read). */
export async function recordReuseMatch(db: Db, imageId: string, m: ReuseFinding['match'], now: Date): Promise<void> {
  await db
    .insertInto('image_reuse_matches')
    .values({
      image_id: imageId,
      original_image_id: m.originalImageId,
      match: m.match,
      transform: m.transform,
      image_region: m.imageRegion,
      original_region: m.originalRegion,
      hamming_distance: m.hammingDistance,
      max_distance: m.maxDistance,
      image_hash: m.imageHash,
      original_hash: m.originalHash,
      detected_at: now,
    })
    .execute();
}

/** The other image of a reuse match, as the evidence shows it (only to those who may see it). */
export interface ReuseOther {
  imageId: string;
  batchId: string;
  batchNumber: string;
  agencyId: string;
  agencyName: string;
  projectId: string;
  projectName: string;
  capturedAt: string;
  uploadedAt: string;
  thumbnail: { width: number; height: number } | null;
}

export interface ReuseEvidence {
  matchId: string;
  /** 'original': this image repeats an earlier one; 'copy': a later image repeats this one. */
  role: 'original' | 'copy';
  match: 'identical' | 'similar';
  transform: string;
  imageRegion: string | null;
  originalRegion: string | null;
  hammingDistance: number | null;
  maxDistance: number;
  imageHash: string | null;
  originalHash: string | null;
  detectedAt: string;
  /** Whether the other image is in this image's batch, its agency's other batches, or another agency's. */
  otherIn: 'same_batch' | 'same_agency' | 'other_agency';
  /** The other image; null where the caller may not see it (the uploading agency learns only that there is a match). */
  other: ReuseOther | null;
}

/**
 * The reuse evidence of an image (issue 12 item 2): its suspected original and the later images that repeat it, side
 * by side. Whoever sees the image sees that a match exists and how (transform, distance); the other image itself is
 * shown to the departments whose jurisdiction covers this image (they review the anomaly, wherever the original was
 * taken) and to whoever may see that image anyway (its own agency, its project's parties); to no one else.
 */
export class ReuseEvidenceService {
  readonly #db: Kysely<Database>;
  readonly #blobs: BlobStore;
  constructor(deps: Pick<AppDeps, 'db' | 'blobs'>) {
    this.#db = deps.db;
    this.#blobs = deps.blobs;
  }

  async list(ctx: RequestContext, imageId: string): Promise<ReuseEvidence[]> {
    const image = await findVisibleImage(this.#db, ctx, imageId);
    const scope = scopeOf(ctx.actor);
    const reviewer = scope.kind === 'region' || scope.kind === 'all';
    const rows = await this.#db
      .selectFrom('image_reuse_matches as m')
      .innerJoin('images as o', (j) =>
        j.on((eb) =>
          eb.or([
            eb.and([eb('m.image_id', '=', imageId), eb('o.id', '=', eb.ref('m.original_image_id'))]),
            eb.and([eb('m.original_image_id', '=', imageId), eb('o.id', '=', eb.ref('m.image_id'))]),
          ]),
        ),
      )
      .innerJoin('batches as b', 'b.id', 'o.batch_id')
      .innerJoin('organisations as ag', 'ag.id', 'o.agency_id')
      .innerJoin('projects as p', 'p.id', 'o.project_id')
      .leftJoin('image_analyses as a', 'a.image_id', 'o.id')
      .selectAll('m')
      .select([
        'o.id as other_id',
        'o.batch_id as other_batch_id',
        'o.agency_id as other_agency_id',
        'o.captured_at as other_captured_at',
        'o.uploaded_at as other_uploaded_at',
        'b.batch_number as other_batch_number',
        'ag.name as other_agency_name',
        'p.id as other_project_id',
        'p.name as other_project_name',
        'a.thumbnail_width as other_thumbnail_width',
        'a.thumbnail_height as other_thumbnail_height',
      ])
      .select((eb) =>
        sql<boolean>`${reviewer ? sql`true` : batchVisibleTo(scope, { agency: eb.ref('o.agency_id'), region: eb.ref('o.region_code'), project: eb.ref('o.project_id') })}`.as('other_visible'),
      )
      .where((eb) => eb.or([eb('m.image_id', '=', imageId), eb('m.original_image_id', '=', imageId)]))
      .orderBy('m.detected_at')
      .orderBy('m.id')
      .execute();
    return rows.map((r) => ({
      matchId: r.id,
      role: r.image_id === imageId ? 'original' : 'copy',
      match: r.match,
      transform: r.transform,
      imageRegion: r.image_region,
      originalRegion: r.original_region,
      hammingDistance: r.hamming_distance,
      maxDistance: r.max_distance,
      imageHash: r.image_hash,
      originalHash: r.original_hash,
      detectedAt: r.detected_at.toISOString(),
      otherIn: r.other_batch_id === image.batch_id ? 'same_batch' : r.other_agency_id === image.agency_id ? 'same_agency' : 'other_agency',
      other: r.other_visible
        ? {
            imageId: r.other_id,
            batchId: r.other_batch_id,
            batchNumber: r.other_batch_number,
            agencyId: r.other_agency_id,
            agencyName: r.other_agency_name,
            projectId: r.other_project_id,
            projectName: r.other_project_name,
            capturedAt: r.other_captured_at.toISOString(),
            uploadedAt: r.other_uploaded_at.toISOString(),
            thumbnail: r.other_thumbnail_width && r.other_thumbnail_height ? { width: r.other_thumbnail_width, height: r.other_thumbnail_height } : null,
          }
        : null,
    }));
  }

  /** The other image's thumbnail of a match, under the same rule as `list`; 404 where the caller may not see it. */
  async otherThumbnail(ctx: RequestContext, imageId: string, matchId: string): Promise<{ sha256: string; stream: Readable }> {
    const m = (await this.list(ctx, imageId)).find((e) => e.matchId === matchId);
    if (!m?.other) throw notFound('REUSE_MATCH_NOT_FOUND', '该比对记录不存在或无权查看');
    const a = await this.#db.selectFrom('image_analyses').select('thumbnail_sha256').where('image_id', '=', m.other.imageId).executeTakeFirst();
    if (!a) throw conflict('IMAGE_STILL_PROCESSING', '影像正在处理，缩略图稍后可用');
    if (!a.thumbnail_sha256) throw notFound('IMAGE_THUMBNAIL_UNAVAILABLE', '该影像没有缩略图');
    return { sha256: a.thumbnail_sha256, stream: await this.#blobs.open(a.thumbnail_sha256) };
  }
}
