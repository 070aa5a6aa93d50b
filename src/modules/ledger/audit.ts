import type { Kysely } from 'kysely';
import type { BlobStore } from '../../kernel/blobs/blob-store.ts';
import type { Database } from '../../kernel/db/types.ts';
import { HASH_SIZE, leafHash, nodeHash, sha256 } from './merkle.ts';
import { parseCheckpointText, parseNote, parseVkey, verifyNoteSignature } from './note.ts';
import { contentHash, receipts } from './receipts.ts';
import { checkBlob } from './integrity.ts';
import { TILE_WIDTH } from './tiles.ts';
import './tables.ts';

/**
 * `npm run ledger:audit` (issue 13 item 6): recomputes the log from the database rows and the stored blobs, without
 * trusting anything the sequencer wrote beyond the leaves' order: each receipt's content hash against its object
 * (record rows re-hashed, blobs re-hashed, seal manifests, reviews, attestations), each leaf hash against the tiles,
 * and the root at every signed checkpoint (signature checked with the log's public key). Divergences are reported in
 * leaf order, the first one first.
 */
export interface Divergence {
  leafIndex: number | null;
  item: string;
  problem: string;
}

/** The records module's content hash of a record version (injected: the ledger does not depend on records). */
export type RecordHasher = (r: { batchId: string; recordKey: string; version: number; itemCode: string; componentId: string; values: Record<string, unknown>; capturedAt: Date; source: 'auto' | 'manual'; equipmentId: string; testerPersonId: string }) => string;

export interface AuditResult {
  leaves: number;
  checkpoints: number;
  divergences: Divergence[];
}

const CHUNK = 5_000;

type Entry = { id: number; object_type: string; object_id: string; content_sha256: string; entry: string; leaf_index: number | null };

/** What the object's rows (and blob) hash to now, or a problem. */
async function objectCheck(db: Kysely<Database>, blobs: BlobStore, hashRecord: RecordHasher, e: Entry): Promise<string | null> {
  const id = e.object_id;
  switch (e.object_type) {
    case 'record_version': {
      const r = await db.selectFrom('batch_records').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return '原始记录行不存在 record row missing';
      const values = typeof r.values === 'string' ? (JSON.parse(r.values) as Record<string, unknown>) : r.values;
      const now = hashRecord({ batchId: r.batch_id, recordKey: r.record_key, version: r.version, itemCode: r.item_code, componentId: r.component_code, values, capturedAt: r.captured_at, source: r.source, equipmentId: r.equipment_id, testerPersonId: r.tester_person_id });
      if (now !== e.content_sha256) return `原始记录内容已改变 record content now hashes to ${now}`;
      if (r.content_sha256 !== e.content_sha256) return `原始记录登记的哈希已改变 record's stored hash is now ${r.content_sha256}`;
      return null;
    }
    case 'image': {
      const r = await db.selectFrom('images').select(['sha256']).where('id', '=', id).executeTakeFirst();
      if (!r) return '影像行不存在 image row missing';
      if (r.sha256 !== e.content_sha256) return `影像登记的哈希已改变 image row now names ${r.sha256}`;
      return blobProblem(blobs, e.content_sha256, '影像文件 image file');
    }
    case 'report': {
      const r = await db.selectFrom('reports').select(['pdf_sha256']).where('id', '=', id).executeTakeFirst();
      if (!r) return '报告行不存在 report row missing';
      if (r.pdf_sha256 !== e.content_sha256) return `报告登记的 PDF 哈希已改变 report row now names ${r.pdf_sha256}`;
      return blobProblem(blobs, e.content_sha256, '报告 PDF report PDF');
    }
    case 'seal': {
      const r = await db.selectFrom('batch_seals').select(['manifest', 'manifest_sha256']).where('id', '=', id).executeTakeFirst();
      if (!r) return '封存行不存在 seal row missing';
      const manifest = typeof r.manifest === 'string' ? r.manifest : JSON.stringify(r.manifest);
      if (r.manifest_sha256 !== e.content_sha256) return `封存清单哈希已改变 seal row now names ${r.manifest_sha256}`;
      if (typeof r.manifest === 'string' && sha256(Buffer.from(manifest, 'utf8')).toString('hex') !== e.content_sha256) return '封存清单内容已改变 seal manifest changed';
      return null;
    }
    case 'review': {
      const r = await db.selectFrom('batch_reviews').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return '复核行不存在 review row missing';
      const want = receipts.review({ id, batchId: r.batch_id, sealId: r.seal_id, decision: r.decision, reasons: r.reasons, reviewerPersonId: r.reviewer_person_id, reviewedAt: r.reviewed_at }).sha256;
      return want === e.content_sha256 ? null : `复核内容已改变 review now hashes to ${want}`;
    }
    case 'witness_attestation': {
      const r = await db.selectFrom('witness_attestations').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return '见证确认行不存在 attestation row missing';
      const want = receipts.attestation({ id, batchId: r.batch_id, witnessPersonId: r.witness_person_id, statement: r.statement, attestedAt: r.attested_at, registered: r.registered }).sha256;
      return want === e.content_sha256 ? null : `见证确认内容已改变 attestation now hashes to ${want}`;
    }
    case 'witness_checkin': {
      const r = await db.selectFrom('witness_checkins as c').innerJoin('images as i', 'i.id', 'c.image_id').select(['c.batch_id', 'c.witness_person_id', 'c.image_id', 'i.sha256', 'c.checked_in_at', 'c.location_lat', 'c.location_lng']).where('c.id', '=', id).executeTakeFirst();
      if (!r) return '签到行不存在 check-in row missing';
      const want = contentHash({ batchId: r.batch_id, witnessPersonId: r.witness_person_id, imageId: r.image_id, imageSha256: r.sha256, checkedInAt: r.checked_in_at.toISOString(), location: { lat: r.location_lat, lng: r.location_lng } });
      return want === e.content_sha256 ? null : `签到内容已改变 check-in now hashes to ${want}`;
    }
    default:
      // Decisions (locks, unlocks, force majeure, anomalies, enforcement): their receipt is the record; checked in the tree.
      return null;
  }
}

async function blobProblem(blobs: BlobStore, sha: string, what: string): Promise<string | null> {
  const c = await checkBlob(blobs, sha);
  if (c.state === 'ok') return null;
  return c.state === 'missing' ? `${what}缺失 missing` : `${what}字节已改变 bytes now hash to ${c.actual}`;
}

export async function auditLedger(db: Kysely<Database>, blobs: BlobStore, hashRecord: RecordHasher): Promise<AuditResult> {
  const divergences: Divergence[] = [];
  const identity = await db.selectFrom('ledger_identity').selectAll().executeTakeFirst();
  const checkpoints = await db.selectFrom('ledger_checkpoints').selectAll().orderBy('size').execute();
  if (!identity) return { leaves: 0, checkpoints: 0, divergences: checkpoints.length ? [{ leafIndex: null, item: 'ledger_identity', problem: '日志身份缺失 log identity missing' }] : [] };
  const signer = { name: identity.origin, publicKey: Buffer.from(identity.public_key, 'base64') };
  const keyIdBytes = sha256(Buffer.from(`${signer.name}\n`), Buffer.from([1]), signer.publicKey).subarray(0, 4);
  const verifier = parseVkey(`${signer.name}+${keyIdBytes.toString('hex')}+${Buffer.concat([Buffer.from([1]), signer.publicKey]).toString('base64')}`);

  // A compact range: the complete subtrees covering [0, n), largest first.
  const frontier: { h: number; hash: Buffer }[] = [];
  const rootOfFrontier = () => {
    if (frontier.length === 0) return sha256();
    let acc = frontier[frontier.length - 1]!.hash;
    for (let i = frontier.length - 2; i >= 0; i--) acc = nodeHash(frontier[i]!.hash, acc);
    return acc;
  };
  const tileCache = new Map<string, Buffer | null>();
  const storedNode = async (level: number, k: number): Promise<Buffer | null> => {
    const idx = Math.floor(k / TILE_WIDTH);
    const key = `${level}/${idx}`;
    if (!tileCache.has(key)) {
      if (tileCache.size > 64) tileCache.clear();
      const row = await db.selectFrom('ledger_tiles').select('data').where('level', '=', level).where('idx', '=', idx).executeTakeFirst();
      tileCache.set(key, row ? Buffer.from(row.data) : null);
    }
    const t = tileCache.get(key);
    const at = (k % TILE_WIDTH) * HASH_SIZE;
    return t && t.length >= at + HASH_SIZE ? t.subarray(at, at + HASH_SIZE) : null;
  };

  let n = 0;
  let cp = 0;
  const checkCheckpoints = () => {
    while (cp < checkpoints.length && checkpoints[cp]!.size === n) {
      const c = checkpoints[cp]!;
      const item = `checkpoint ${c.size}`;
      try {
        const note = parseNote(c.note);
        verifyNoteSignature(note, verifier);
        const body = parseCheckpointText(note.text);
        if (body.origin !== identity.origin || body.size !== c.size || body.root.toString('base64') !== c.root) divergences.push({ leafIndex: n - 1, item, problem: '检查点正文与记录不符 checkpoint body differs from its row' });
      } catch (err) {
        divergences.push({ leafIndex: n - 1, item, problem: `检查点签名无效 checkpoint signature invalid: ${(err as Error).message}` });
      }
      const root = rootOfFrontier().toString('base64');
      if (root !== c.root) divergences.push({ leafIndex: n - 1, item, problem: `由数据库重算的根 ${root} 与已签名的根 ${c.root} 不一致 recomputed root differs from the signed one` });
      cp++;
    }
  };
  let after = -1;
  for (;;) {
    const rows = await db.selectFrom('ledger_entries').selectAll().where('leaf_index', '>', after).orderBy('leaf_index').limit(CHUNK).execute();
    if (rows.length === 0) break;
    for (const e of rows as Entry[]) {
      const idx = e.leaf_index!;
      const item = `${e.object_type} ${e.object_id}`;
      if (idx !== n) {
        divergences.push({ leafIndex: n, item, problem: `叶子序号不连续 leaf index ${idx} where ${n} was due` });
        n = idx;
      }
      let doc: { type?: string; id?: string; sha256?: string } = {};
      try {
        doc = JSON.parse(e.entry) as typeof doc;
      } catch {
        divergences.push({ leafIndex: idx, item, problem: '叶子不是 JSON leaf is not JSON' });
      }
      if (doc.type !== e.object_type || doc.id !== e.object_id || doc.sha256 !== e.content_sha256) divergences.push({ leafIndex: idx, item, problem: '叶子与其回执行不一致 leaf differs from its receipt row' });
      const problem = await objectCheck(db, blobs, hashRecord, e);
      if (problem) divergences.push({ leafIndex: idx, item, problem });
      const lh = leafHash(Buffer.from(e.entry, 'utf8'));
      const stored = await storedNode(0, idx);
      if (!stored || !stored.equals(lh)) divergences.push({ leafIndex: idx, item, problem: '瓦片中的叶子哈希与叶子不符 leaf hash in tile 0 differs' });
      // Push onto the compact range, merging equal heights; a completed subtree of height 8·L is in tile L.
      let node = { h: 0, hash: lh };
      let k = idx;
      while (frontier.length && frontier[frontier.length - 1]!.h === node.h) {
        const left = frontier.pop()!;
        node = { h: node.h + 1, hash: nodeHash(left.hash, node.hash) };
        k = Math.floor(k / 2);
        if (node.h % 8 === 0) {
          const s = await storedNode(node.h / 8, k);
          if (!s || !s.equals(node.hash)) divergences.push({ leafIndex: idx, item: `tile ${node.h / 8}/${Math.floor(k / TILE_WIDTH)}`, problem: '上层瓦片哈希与重算值不符 higher tile hash differs' });
        }
      }
      frontier.push(node);
      n = idx + 1;
      checkCheckpoints();
    }
    after = rows[rows.length - 1]!.leaf_index!;
  }
  for (; cp < checkpoints.length; cp++) divergences.push({ leafIndex: null, item: `checkpoint ${checkpoints[cp]!.size}`, problem: '检查点超出数据库中的叶子 checkpoint beyond the leaves in the database' });
  return { leaves: n, checkpoints: checkpoints.length, divergences };
}
