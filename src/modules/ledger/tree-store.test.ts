import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { DbHandle } from '../../kernel/db/database.ts';
import { createTestDb } from '../../testing/db.ts';
import { leafHash, rootOfHashes, verifyConsistency, verifyInclusion } from './merkle.ts';
import { makeSigner, parseCheckpointText, parseNote, parseVkey, verifyNoteSignature } from './note.ts';
import { appendReceipt, contentHash, receiptEntry } from './receipts.ts';
import { checkpointAt, consistencyProofAt, inclusionProofAt, latestCheckpoint, rootAt, sequenceOnce, tileBytes } from './tree-store.ts';
import { decodeBundle } from './tiles.ts';
import type { LedgerLog } from './log-key.ts';

const log: LedgerLog = { origin: 'test.example/qtrace-ledger', signer: makeSigner('test.example/qtrace-ledger', randomBytes(32)) };
const ctx = { actor: { kind: 'system', name: 'test' } as const, now: new Date('2026-03-02T01:02:03.004Z') };
let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
}, 300_000);
afterAll(async () => h.close());

describe('ledger tree in the database', () => {
  it('drains the outbox in order in batches, keeps tiles and signed checkpoints that match a tree built in memory', async () => {
    const entries: string[] = [];
    const total = 700;
    // Receipts in groups of transactions, sequenced in uneven batches so that tile and bundle edges are crossed.
    let sizes: number[] = [];
    for (let i = 0; i < total; ) {
      const group = Math.min(total - i, 1 + ((i * 7) % 97));
      await h.db.transaction().execute(async (trx) => {
        for (let j = 0; j < group; j++, i++) {
          const input = { type: 'record_version' as const, id: `r${i}`, sha256: contentHash({ i }), refs: { n: i } };
          await appendReceipt(trx, ctx, input);
          entries.push(receiptEntry(input, ctx));
        }
      });
      const r = await sequenceOnce(h.db, log, () => ctx.now, 1 + ((i * 13) % 200));
      sizes.push(r.size);
    }
    for (;;) {
      const r = await sequenceOnce(h.db, log, () => ctx.now, 150);
      if (r.appended === 0) break;
      sizes.push(r.size);
    }
    sizes = [...new Set(sizes)];
    expect(sizes.at(-1)).toBe(total);
    const hashes = entries.map((e) => leafHash(Buffer.from(e, 'utf8')));
    const head = (await latestCheckpoint(h.db))!;
    expect(head.size).toBe(total);
    expect(head.root).toEqual(rootOfHashes(hashes));
    expect(await rootAt(h.db, 300)).toEqual(rootOfHashes(hashes, 0, 300));

    // The checkpoint is a signed note by the log key.
    const note = parseNote(head.note);
    verifyNoteSignature(note, parseVkey(log.signer.vkey));
    expect(parseCheckpointText(note.text)).toEqual({ origin: log.origin, size: total, root: head.root });

    // Leaf indexes follow the outbox order.
    const rows = await h.db.selectFrom('ledger_entries').select(['object_id', 'leaf_index']).orderBy('id').execute();
    expect(rows.map((r) => r.leaf_index)).toEqual(rows.map((_, i) => i));

    // Proofs from the tiles verify against checkpoints, and fail against another root.
    for (const i of [0, 1, 255, 256, 511, 512, 699]) {
      verifyInclusion(i, total, hashes[i]!, await inclusionProofAt(h.db, i, total), head.root);
    }
    for (const s of sizes.slice(0, -1)) {
      const cp = (await checkpointAt(h.db, s))!;
      verifyConsistency(s, total, cp.root, head.root, await consistencyProofAt(h.db, s, total));
      expect(() => verifyInclusion(0, s, hashes[1]!, [], cp.root)).toThrow();
    }

    // Tiles: full level-0 tiles, the partial one, the level-1 tile and the entry bundles.
    expect((await tileBytes(h.db, 0, 0, 256))!).toEqual(Buffer.concat(hashes.slice(0, 256)));
    expect((await tileBytes(h.db, 0, 2, 188))!).toEqual(Buffer.concat(hashes.slice(512, 700)));
    expect((await tileBytes(h.db, 0, 2, 10))!).toEqual(Buffer.concat(hashes.slice(512, 522)));
    expect(await tileBytes(h.db, 0, 2, 189)).toBeNull();
    expect((await tileBytes(h.db, 1, 0, 2))!).toEqual(Buffer.concat([rootOfHashes(hashes, 0, 256), rootOfHashes(hashes, 256, 512)]));
    expect(decodeBundle((await tileBytes(h.db, 'entries', 1, 256))!).map((b) => b.toString('utf8'))).toEqual(entries.slice(256, 512));
    expect(decodeBundle((await tileBytes(h.db, 'entries', 2, 3))!).map((b) => b.toString('utf8'))).toEqual(entries.slice(512, 515));
  }, 120_000);

  it('refuses to change an entry, a checkpoint or shrink a tile (append-only triggers)', async () => {
    await expect(sql`update ledger_entries set entry = 'x' where leaf_index = 0`.execute(h.db)).rejects.toThrow(/cannot change/);
    await expect(sql`delete from ledger_entries where leaf_index = 0`.execute(h.db)).rejects.toThrow();
    await expect(sql`update ledger_checkpoints set note = 'x'`.execute(h.db)).rejects.toThrow();
    await expect(sql`update ledger_tiles set data = '\\x00'::bytea, width = 256 where level = 0 and idx = 2`.execute(h.db)).rejects.toThrow(/only grows/);
  });
});
