import type { FastifyBaseLogger } from 'fastify';
import { startLoop } from '../../kernel/loop.ts';
import pino from 'pino';
import type { AppDeps } from '../../kernel/deps.ts';
import { badRequest, forbidden, notFound } from '../../kernel/errors.ts';
import { hasRole, type RequestContext } from '../../kernel/auth/actor.ts';
import { LEDGER_SEQUENCE_BATCH, LEDGER_SEQUENCE_INTERVAL_MS } from '../../kernel/policy.ts';
import { EMPTY_ROOT, leafHash } from './merkle.ts';
import { checkpointText, NoteError, parseNote, parseVkey, signNote, verifyCosignature } from './note.ts';
import { openLedgerLog, type LedgerLog } from './log-key.ts';
import { RECEIPT_TYPES, type ReceiptType } from './receipts.ts';
import { checkpointAt, consistencyProofAt, inclusionProofAt, latestCheckpoint, sequenceOnce, tileBytes } from './tree-store.ts';
import type { TileRef } from './tiles.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

export interface CheckpointView {
  size: number;
  rootHash: string;
  /** The C2SP signed note, as served at /ledger/checkpoint. */
  note: string;
  publishedAt: string | null;
}

export interface EntryProof {
  entryId: number;
  objectType: string;
  objectId: string;
  contentSha256: string;
  /** The leaf's bytes (RFC 8785 JSON). */
  entry: string;
  leafHash: string;
  /** null until the sequencer has given it a place (within seconds). */
  leafIndex: number | null;
  treeSize: number | null;
  inclusionProof: string[] | null;
  checkpoint: CheckpointView | null;
}

const b64 = (b: Buffer) => b.toString('base64');

/** Reads of the log: checkpoint, tiles, proofs, receipts by object; and the sequencer. */
export class LedgerService {
  readonly #deps: Deps;
  constructor(deps: Deps) {
    this.#deps = deps;
  }

  log(): Promise<LedgerLog> {
    return openLedgerLog(this.#deps.db, this.#deps.config, this.#deps.clock.now());
  }

  async publicKey() {
    const log = await this.log();
    return { origin: log.origin, vkey: log.signer.vkey, keyId: log.signer.keyId.toString('hex'), publicKey: b64(log.signer.publicKey), algorithm: 'Ed25519' as const };
  }

  /** The newest checkpoint; an empty log's (size 0) is signed on the fly (Ed25519 is deterministic). */
  async checkpoint(): Promise<CheckpointView> {
    const head = await latestCheckpoint(this.#deps.db);
    if (head) return { size: head.size, rootHash: b64(head.root), note: head.note, publishedAt: head.publishedAt.toISOString() };
    const log = await this.log();
    return { size: 0, rootHash: b64(EMPTY_ROOT), note: signNote(checkpointText({ origin: log.origin, size: 0, root: EMPTY_ROOT }), log.signer), publishedAt: null };
  }

  async checkpointOfSize(size: number): Promise<CheckpointView> {
    const c = await checkpointAt(this.#deps.db, size);
    if (!c) throw notFound('LEDGER_CHECKPOINT_NOT_FOUND', `没有树大小为 ${size} 的检查点`);
    return { size: c.size, rootHash: b64(c.root), note: c.note, publishedAt: c.publishedAt.toISOString() };
  }

  tile(t: TileRef): Promise<Buffer | null> {
    return tileBytes(this.#deps.db, t.level, t.index, t.width);
  }

  /** An inclusion proof of leaf `index` in the tree of `size` (default: the newest checkpoint). */
  async inclusion(index: number, size?: number) {
    const cp = size === undefined ? await this.checkpoint() : await this.checkpointOfSize(size);
    if (index >= cp.size) throw notFound('LEDGER_LEAF_NOT_FOUND', `日志中还没有第 ${index} 个叶子（树大小 ${cp.size}）`);
    const row = await this.#deps.db.selectFrom('ledger_entries').selectAll().where('leaf_index', '=', index).executeTakeFirstOrThrow();
    return this.#proofOf(row, cp);
  }

  async consistency(from: number, to?: number) {
    const second = to === undefined ? await this.checkpoint() : await this.checkpointOfSize(to);
    if (from < 1 || from > second.size) throw badRequest('LEDGER_BAD_SIZES', `一致性证明要求 1 ≤ 起始大小 ≤ ${second.size}`, 'querystring.from');
    const first = await this.checkpointOfSize(from).catch(() => null);
    const proof = await consistencyProofAt(this.#deps.db, from, second.size);
    return { fromSize: from, toSize: second.size, fromRootHash: first?.rootHash ?? null, toRootHash: second.rootHash, proof: proof.map(b64), checkpoint: second };
  }

  async entry(entryId: number): Promise<EntryProof> {
    const row = await this.#deps.db.selectFrom('ledger_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
    if (!row) throw notFound('LEDGER_ENTRY_NOT_FOUND', '账本中没有该回执');
    return this.#proofOf(row, await this.checkpoint());
  }

  /** Every receipt of an object (an image has one; a batch may have a lock and an unlock), with proofs. */
  async receiptsOf(type: string, id: string): Promise<EntryProof[]> {
    if (!(RECEIPT_TYPES as readonly string[]).includes(type)) throw badRequest('LEDGER_BAD_TYPE', `未知的回执类型 ${type}`, 'params.type');
    const rows = await this.#deps.db.selectFrom('ledger_entries').selectAll().where('object_type', '=', type as ReceiptType).where('object_id', '=', id).orderBy('id').execute();
    const cp = await this.checkpoint();
    return Promise.all(rows.map((r) => this.#proofOf(r, cp)));
  }

  async #proofOf(row: { id: number; object_type: string; object_id: string; content_sha256: string; entry: string; leaf_index: number | null }, cp: CheckpointView): Promise<EntryProof> {
    const sequenced = row.leaf_index !== null && row.leaf_index < cp.size;
    return {
      entryId: row.id,
      objectType: row.object_type,
      objectId: row.object_id,
      contentSha256: row.content_sha256,
      entry: row.entry,
      leafHash: b64(leafHash(Buffer.from(row.entry, 'utf8'))),
      leafIndex: row.leaf_index,
      treeSize: sequenced ? cp.size : null,
      inclusionProof: sequenced ? (await inclusionProofAt(this.#deps.db, row.leaf_index!, cp.size)).map(b64) : null,
      checkpoint: sequenced ? cp : null,
    };
  }

  /**
   * A witness hands in its cosignature of a checkpoint (C2SP tlog-cosignature/v1): the checkpoint's note with the
   * witness's signature line. Accepted only from a witness configured in LEDGER_WITNESSES, for a checkpoint this log
   * published, with a valid signature; stored once per witness key.
   */
  async addCosignature(note: string) {
    let parsed;
    try {
      parsed = parseNote(note);
    } catch (err) {
      throw badRequest('LEDGER_BAD_NOTE', `不是合法的签名注记：${(err as Error).message}`, 'body.note');
    }
    const size = Number(parsed.text.split('\n')[1]);
    const cp = await checkpointAt(this.#deps.db, size);
    const own = cp ? parseNote(cp.note) : null;
    if (!cp || own!.text !== parsed.text) throw badRequest('LEDGER_UNKNOWN_CHECKPOINT', '该检查点不是本账本发布的检查点', 'body.note');
    const accepted: { name: string; keyId: string; timestamp: number }[] = [];
    for (const vkey of this.#deps.config.ledgerWitnesses) {
      const v = parseVkey(vkey);
      const sig = parsed.signatures.find((s) => s.name === v.name && s.keyId.equals(v.keyId));
      if (!sig) continue;
      let timestamp: number;
      try {
        timestamp = verifyCosignature(parsed, v);
      } catch (err) {
        if (err instanceof NoteError) throw badRequest('LEDGER_BAD_COSIGNATURE', `见证签名无效：${err.message}`, 'body.note');
        throw err;
      }
      await this.#deps.db
        .insertInto('ledger_cosignatures')
        .values({ checkpoint_size: size, cosigner_name: v.name, key_id: v.keyId.toString('hex'), cosigned_at: new Date(timestamp * 1000), signature_line: sig.line, received_at: this.#deps.clock.now() })
        .onConflict((oc) => oc.columns(['checkpoint_size', 'cosigner_name', 'key_id']).doNothing())
        .execute();
      accepted.push({ name: v.name, keyId: v.keyId.toString('hex'), timestamp });
    }
    if (accepted.length === 0) throw badRequest('LEDGER_UNKNOWN_WITNESS', '注记中没有已登记见证方（LEDGER_WITNESSES）的签名', 'body.note');
    return { size, accepted };
  }

  /** Cosignatures held for a checkpoint (newest checkpoint when no size given). */
  async cosignatures(size?: number) {
    const cp = size === undefined ? await this.checkpoint() : await this.checkpointOfSize(size);
    const rows = await this.#deps.db.selectFrom('ledger_cosignatures').selectAll().where('checkpoint_size', '=', cp.size).orderBy('cosigner_name').execute();
    return {
      size: cp.size,
      /** The checkpoint with every cosignature line appended (what a client checking a quorum reads). */
      note: cp.note + rows.map((r) => r.signature_line).join(''),
      cosignatures: rows.map((r) => ({ name: r.cosigner_name, keyId: r.key_id, cosignedAt: r.cosigned_at.toISOString(), receivedAt: r.received_at.toISOString() })),
    };
  }

  /** Integrity alarms, newest first, each with the objects whose receipts name the blob (platform administrator). */
  async integrityAlarms(ctx: RequestContext) {
    if (!hasRole(ctx.actor, 'platform_admin')) throw forbidden('PLATFORM_ADMIN_REQUIRED', '只有平台管理员可以查看完整性告警');
    const rows = await this.#deps.db.selectFrom('integrity_alarms').selectAll().orderBy('detected_at', 'desc').limit(500).execute();
    const shas = [...new Set(rows.map((r) => r.sha256))];
    const objects = shas.length
      ? await this.#deps.db.selectFrom('ledger_entries').select(['content_sha256', 'object_type', 'object_id', 'leaf_index']).where('content_sha256', 'in', shas).execute()
      : [];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      sha256: r.sha256,
      actualSha256: r.actual_sha256,
      foundBy: r.found_by,
      detectedAt: r.detected_at.toISOString(),
      objects: objects.filter((o) => o.content_sha256 === r.sha256).map((o) => ({ type: o.object_type, id: o.object_id, leafIndex: o.leaf_index })),
    }));
  }

  /** Sequences everything pending (several transactions of at most LEDGER_SEQUENCE_BATCH). */
  async sequenceAll(limit = LEDGER_SEQUENCE_BATCH): Promise<{ appended: number; size: number }> {
    const log = await this.log();
    let appended = 0;
    for (;;) {
      const r = await sequenceOnce(this.#deps.db, log, () => this.#deps.clock.now(), limit);
      appended += r.appended;
      if (r.appended < limit) return { appended, size: r.size };
    }
  }
}

export interface LedgerSequencer {
  stop(): Promise<void>;
}

/**
 * The sequencer loop, in every server process: every LEDGER_SEQUENCE_INTERVAL_MS it drains the outbox (one process at
 * a time, under the sequencer's advisory lock), each batch publishing a checkpoint after its tiles.
 */
export function startLedgerSequencer(deps: Deps, opts: { intervalMs?: number; log?: FastifyBaseLogger | pino.Logger } = {}): LedgerSequencer {
  const intervalMs = opts.intervalMs ?? LEDGER_SEQUENCE_INTERVAL_MS;
  const log = opts.log ?? pino({ name: 'ledger-sequencer' });
  const service = new LedgerService(deps);
  return startLoop(
    async () => {
      const r = await service.sequenceAll();
      if (r.appended > 0) log.debug({ ledger: r }, 'ledger sequenced');
    },
    { intervalMs, onError: (err) => log.error({ err }, 'ledger sequencing failed; retrying at the next interval') },
  );
}
