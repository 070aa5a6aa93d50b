import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../kernel/db/types.ts';
import { LOCKS } from '../../kernel/db/locks.ts';
import { consistencyRanges, HASH_SIZE, inclusionRanges, leafHash, nodesOf, rangeHash, rootOfHashes, treeRoot, type NodeId, type Range } from './merkle.ts';
import { checkpointText, signNote } from './note.ts';
import type { LedgerLog } from './log-key.ts';
import { encodeBundle, decodeBundle, locateNode, nodeFromTile, TILE_WIDTH, tileWidthAt } from './tiles.ts';
import './tables.ts';

/**
 * The tree kept as tiles in PostgreSQL (as Tessera and Sunlight keep it in object storage): hash tiles at every level
 * and entry bundles (level -1), written in the same transaction as the checkpoint that covers them, so a published
 * checkpoint always has its tiles. Only the right edge of the tree (one partial tile per level) is read to append.
 */

type Db = Kysely<Database> | Transaction<Database>;
const BUNDLE_LEVEL = -1;
const key = (level: number, idx: number) => `${level}/${idx}`;

export interface LatestCheckpoint {
  size: number;
  root: Buffer;
  note: string;
  publishedAt: Date;
}

export async function latestCheckpoint(db: Db): Promise<LatestCheckpoint | null> {
  const r = await db.selectFrom('ledger_checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
  return r ? { size: r.size, root: Buffer.from(r.root, 'base64'), note: r.note, publishedAt: r.published_at } : null;
}

export async function checkpointAt(db: Db, size: number): Promise<LatestCheckpoint | null> {
  const r = await db.selectFrom('ledger_checkpoints').selectAll().where('size', '=', size).executeTakeFirst();
  return r ? { size: r.size, root: Buffer.from(r.root, 'base64'), note: r.note, publishedAt: r.published_at } : null;
}

/** Tiles by (level, index), whatever width they have reached. */
async function loadTiles(db: Db, refs: readonly { level: number; idx: number }[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (refs.length === 0) return out;
  const uniq = [...new Map(refs.map((r) => [key(r.level, r.idx), r])).values()];
  const rows = await sql<{ level: number; idx: number; data: Uint8Array }>`
    select t.level, t.idx, t.data from ledger_tiles t
      join json_to_recordset(${JSON.stringify(uniq)}::json) as w(level smallint, idx bigint) on t.level = w.level and t.idx = w.idx`.execute(db);
  for (const r of rows.rows) out.set(key(r.level, r.idx), Buffer.from(r.data));
  return out;
}

/** A reader of complete-subtree hashes over loaded tiles. */
function readerOver(tiles: Map<string, Buffer>) {
  return (node: NodeId): Buffer => {
    const loc = locateNode(node);
    const t = tiles.get(key(loc.level, loc.index));
    if (!t) throw new Error(`ledger tile ${loc.level}/${loc.index} missing`);
    return nodeFromTile(node, t);
  };
}

/** The tiles that hold the complete subtrees of `ranges`. */
async function tilesForRanges(db: Db, ranges: readonly Range[]) {
  const nodes = nodesOf(ranges);
  return readerOver(await loadTiles(db, nodes.map((n) => { const l = locateNode(n); return { level: l.level, idx: l.index }; })));
}

export async function rootAt(db: Db, size: number): Promise<Buffer> {
  return treeRoot(size, await tilesForRanges(db, size > 0 ? [[0, size]] : []));
}

export async function inclusionProofAt(db: Db, index: number, size: number): Promise<Buffer[]> {
  const ranges = inclusionRanges(index, size);
  const read = await tilesForRanges(db, ranges);
  return ranges.map((r) => rangeHash(r, read));
}

export async function consistencyProofAt(db: Db, size1: number, size2: number): Promise<Buffer[]> {
  const ranges = consistencyRanges(size1, size2);
  const read = await tilesForRanges(db, ranges);
  return ranges.map((r) => rangeHash(r, read));
}

/** A stored tile's bytes cut to `width` hashes (or entries), or null when it has not reached that width. */
export async function tileBytes(db: Db, level: number | 'entries', idx: number, width: number): Promise<Buffer | null> {
  const lv = level === 'entries' ? BUNDLE_LEVEL : level;
  const row = await db.selectFrom('ledger_tiles').select(['width', 'data']).where('level', '=', lv).where('idx', '=', idx).executeTakeFirst();
  if (!row || row.width < width) return null;
  const data = Buffer.from(row.data);
  if (row.width === width) return data;
  if (level !== 'entries') return data.subarray(0, width * HASH_SIZE);
  return encodeBundle(decodeBundle(data).slice(0, width));
}

export interface SequenceResult {
  appended: number;
  size: number;
}

/**
 * Drains the outbox once: under a transaction-level advisory lock (one sequencer at a time across processes), takes
 * up to `limit` receipts not yet sequenced in id order, gives them the next leaf indexes, grows the right-edge tiles
 * (carrying full tiles' roots upward), writes tiles, leaf indexes and a newly signed checkpoint in one transaction.
 * A crash before commit leaves nothing; the receipts are taken again by the next pass.
 */
export async function sequenceOnce(db: Kysely<Database>, log: LedgerLog, now: () => Date, limit: number): Promise<SequenceResult> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCKS.ledgerSequencer})`.execute(trx);
    const head = await latestCheckpoint(trx);
    const size = head?.size ?? 0;
    const pending = await trx
      .selectFrom('ledger_entries')
      .select(['id', 'entry'])
      .where('leaf_index', 'is', null)
      .orderBy('id')
      .limit(limit)
      .execute();
    if (pending.length === 0) return { appended: 0, size };

    // The right edge: the partial tile at each level, and the partial entry bundle.
    const edge: { level: number; idx: number }[] = [];
    for (let level = 0; TILE_WIDTH ** level <= size; level++) {
      const nodes = Math.floor(size / TILE_WIDTH ** level);
      if (nodes % TILE_WIDTH !== 0) edge.push({ level, idx: Math.floor(nodes / TILE_WIDTH) });
    }
    if (size % TILE_WIDTH !== 0) edge.push({ level: BUNDLE_LEVEL, idx: Math.floor(size / TILE_WIDTH) });
    const stored = await loadTiles(trx, edge);
    const hashes = new Map<string, Buffer[]>();
    const bundles = new Map<number, Buffer[]>();
    for (const [k, data] of stored) {
      const [lv, idx] = k.split('/').map(Number) as [number, number];
      if (lv === BUNDLE_LEVEL) bundles.set(idx, decodeBundle(data));
      else hashes.set(k, Array.from({ length: data.length / HASH_SIZE }, (_, i) => data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE)));
    }
    const touched = new Set<string>();
    const push = (level: number, idx: number, h: Buffer) => {
      const k = key(level, idx);
      let t = hashes.get(k);
      if (!t) hashes.set(k, (t = []));
      t.push(h);
      touched.add(k);
      if (t.length === TILE_WIDTH) push(level + 1, Math.floor(idx / TILE_WIDTH), rootOfHashes(t));
    };
    const assignments: { id: number; idx: number }[] = [];
    let n = size;
    for (const p of pending) {
      const bytes = Buffer.from(p.entry, 'utf8');
      const tileIdx = Math.floor(n / TILE_WIDTH);
      let b = bundles.get(tileIdx);
      if (!b) bundles.set(tileIdx, (b = []));
      b.push(bytes);
      touched.add(key(BUNDLE_LEVEL, tileIdx));
      push(0, tileIdx, leafHash(bytes));
      assignments.push({ id: p.id, idx: n });
      n++;
    }

    const tileRows: { level: number; idx: number; width: number; data: string }[] = [];
    for (const k of touched) {
      const [lv, idx] = k.split('/').map(Number) as [number, number];
      if (lv === BUNDLE_LEVEL) {
        const b = bundles.get(idx)!;
        tileRows.push({ level: lv, idx, width: b.length, data: encodeBundle(b).toString('hex') });
      } else {
        const t = hashes.get(k)!;
        if (t.length !== tileWidthAt(lv, idx, n)) throw new Error(`ledger tile ${k} has ${t.length} hashes, expected ${tileWidthAt(lv, idx, n)}`);
        tileRows.push({ level: lv, idx, width: t.length, data: Buffer.concat(t).toString('hex') });
      }
    }
    await sql`
      insert into ledger_tiles (level, idx, width, data)
      select level, idx, width, decode(data, 'hex') from json_to_recordset(${JSON.stringify(tileRows)}::json)
        as v(level smallint, idx bigint, width smallint, data text)
      on conflict (level, idx) do update set width = excluded.width, data = excluded.data`.execute(trx);
    await sql`
      update ledger_entries e set leaf_index = v.idx
        from json_to_recordset(${JSON.stringify(assignments)}::json) as v(id bigint, idx bigint)
       where e.id = v.id`.execute(trx);

    const all = new Map<string, Buffer>();
    for (const [k, t] of hashes) all.set(k, Buffer.concat(t));
    const root = treeRoot(n, readerOver(all));
    const note = signNote(checkpointText({ origin: log.origin, size: n, root }), log.signer);
    await trx.insertInto('ledger_checkpoints').values({ size: n, root: root.toString('base64'), note, published_at: now() }).execute();
    return { appended: pending.length, size: n };
  });
}
