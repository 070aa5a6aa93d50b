import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../kernel/db/types.ts';

/**
 * What batches need to know about evidence other modules store (migration 0008): process images
 * (`images` of kind 'process', linked to records by record key in `image_records`) and witness check-ins
 * (`witness_checkins`, one row per check-in). Check-in photos are images of kind 'witness_checkin': they are the
 * witness's, not part of what the upload owner declares.
 */
type Db = Kysely<Database> | Transaction<Database>;

/** How many process images document record `recordKey` of the batch (any version of the record). */
export async function countImagesForRecord(db: Db, batchId: string, recordKey: string): Promise<number> {
  const row = await db
    .selectFrom('image_records as ir')
    .innerJoin('images as i', 'i.id', 'ir.image_id')
    .select((eb) => eb.fn.count<number>('ir.image_id').distinct().as('n'))
    .where('ir.batch_id', '=', batchId)
    .where('ir.record_key', '=', recordKey)
    .where('i.kind', '=', 'process')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The content hashes (SHA-256, hex) of the process images that arrived for the batch. */
export async function imageHashesOfBatch(db: Db, batchId: string): Promise<string[]> {
  const rows = await db.selectFrom('images').select('sha256').where('batch_id', '=', batchId).where('kind', '=', 'process').execute();
  return rows.map((r) => r.sha256);
}

/** The latest declared capture time of the batch's process images, if any. */
export async function lastImageCaptureAt(db: Db, batchId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('images')
    .select((eb) => eb.fn.max('captured_at').as('at'))
    .where('batch_id', '=', batchId)
    .where('kind', '=', 'process')
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}

/** How many witness check-ins the batch has (the check-ins module owns the table; it has no typed schema here). */
export async function witnessCheckinCount(db: Db, batchId: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from witness_checkins where batch_id = ${batchId}`.execute(db);
  return r.rows[0]?.n ?? 0;
}
