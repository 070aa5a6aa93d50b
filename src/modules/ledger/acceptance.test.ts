import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalBlobStore } from '../../kernel/blobs/local-blob-store.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { auditLedger } from './audit.ts';
import { recordContentSha256 } from '../records/index.ts';
import { scrubBlobs, unwrapBlobs } from './integrity.ts';
import { LedgerService } from './service.ts';

/**
 * Issue 13 acceptance on one seeded platform (the demo seed goes through the receipts):
 * 1. a checkpoint verified by an implementation written here from the specs alone (C2SP signed-note,
 *    tlog-checkpoint, tlog-tiles; RFC 9162 §2.1.1), using node:crypto and nothing of the ledger module;
 * 2. an operator who flips a byte of a stored blob, or rewrites a row with superuser rights past the append-only
 *    triggers, is caught — the download fails closed with its code and raises an alarm, the scrub job and
 *    `ledger:audit` name the item.
 */
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
/** MTH(D[n]) over leaf hashes: split at the largest power of two smaller than n. */
function mth(hashes: Buffer[]): Buffer {
  if (hashes.length === 0) return sha();
  if (hashes.length === 1) return hashes[0]!;
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return sha(Buffer.from([1]), mth(hashes.slice(0, k)), mth(hashes.slice(k)));
}
/** tlog-tiles index path: 3-digit groups, all but the last prefixed with x. */
function indexPath(n: number): string {
  const s = String(n).padStart(3, '0');
  const groups: string[] = [];
  for (let end = s.length; end > 0; end -= 3) groups.unshift(s.slice(Math.max(0, end - 3), end).padStart(3, '0'));
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  await new LedgerService(t.deps).sequenceAll();
  admin = await t.login('admin');
}, 900_000);
afterAll(async () => t.close());

describe('a platform checkpoint verifies with an independent implementation', () => {
  it('signed note, key ID, Ed25519, and the root recomputed from the served tiles and entry bundles', async () => {
    const keyRes = await t.app.inject({ method: 'GET', url: '/api/v1/ledger/key' });
    expect(keyRes.statusCode).toBe(200);
    const { vkey } = keyRes.json<{ vkey: string }>();
    // vkey = name + hex key ID + base64(0x01 ‖ key); the base64 may itself contain '+'.
    const [name, idHex] = vkey.split('+') as [string, string];
    const material = Buffer.from(vkey.slice(name.length + idHex.length + 2), 'base64');
    expect(material[0]).toBe(0x01);
    const pub = material.subarray(1);
    expect(sha(Buffer.from(`${name}\n`), Buffer.from([1]), pub).subarray(0, 4).toString('hex')).toBe(idHex);

    const res = await t.app.inject({ method: 'GET', url: '/ledger/checkpoint' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const note = res.body;
    const split = note.lastIndexOf('\n\n');
    const text = note.slice(0, split + 1);
    const sigLines = note.slice(split + 2).trimEnd().split('\n');
    const mine = sigLines.find((l) => l.startsWith(`\u2014 ${name} `));
    expect(mine).toBeDefined();
    const sig = Buffer.from(mine!.split(' ')[2]!, 'base64');
    expect(sig.subarray(0, 4).toString('hex')).toBe(idHex);
    const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), pub]), format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(text), key, sig.subarray(4))).toBe(true);
    // A changed body does not verify.
    expect(verify(null, Buffer.from(text.replace(/\n(\d+)\n/, (_m, n: string) => `\n${Number(n) + 1}\n`)), key, sig.subarray(4))).toBe(false);

    const [origin, sizeLine, rootB64] = text.split('\n') as [string, string, string];
    expect(origin).toBe(name);
    const size = Number(sizeLine);
    // The demo's evidence is in the log: records, images, check-ins, seals, reviews, reports.
    expect(size).toBeGreaterThan(20);

    // Entry bundles (uint16 length ‖ bytes) and level-0 tiles: every leaf hash is SHA-256(0x00 ‖ entry).
    const leafHashes: Buffer[] = [];
    const types = new Set<string>();
    for (let n = 0; n * 256 < size; n++) {
      const w = Math.min(256, size - n * 256);
      const suffix = w < 256 ? `.p/${w}` : '';
      const bundle = await t.app.inject({ method: 'GET', url: `/ledger/tile/entries/${indexPath(n)}${suffix}` });
      const tile = await t.app.inject({ method: 'GET', url: `/ledger/tile/0/${indexPath(n)}${suffix}` });
      expect(bundle.statusCode).toBe(200);
      expect(tile.statusCode).toBe(200);
      if (w === 256) expect(tile.headers['cache-control']).toContain('immutable');
      const b = bundle.rawPayload;
      let at = 0;
      const fromBundle: Buffer[] = [];
      while (at < b.length) {
        const len = b.readUInt16BE(at);
        const entry = b.subarray(at + 2, at + 2 + len);
        types.add((JSON.parse(entry.toString('utf8')) as { type: string }).type);
        fromBundle.push(sha(Buffer.from([0]), entry));
        at += 2 + len;
      }
      expect(fromBundle.length).toBe(w);
      expect(Buffer.concat(fromBundle)).toEqual(tile.rawPayload);
      leafHashes.push(...fromBundle);
    }
    expect(mth(leafHashes).toString('base64')).toBe(rootB64);
    for (const ty of ['record_version', 'image', 'witness_attestation', 'seal', 'review', 'report']) expect(types).toContain(ty);
  }, 120_000);

  it('answers malformed tile paths with 400 and tiles beyond the tree with 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/ledger/tile/0/1' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/ledger/tile/0/x999/999' })).statusCode).toBe(404);
  });
});

describe('tampering is caught', () => {
  it('an untouched platform audits clean', async () => {
    const r = await auditLedger(t.deps.db, unwrapBlobs(t.deps.blobs), recordContentSha256);
    expect(r.divergences).toEqual([]);
    expect(r.leaves).toBeGreaterThan(20);
  });

  it('a flipped byte of an image: never served, alarm listed, scrub and audit name the image', async () => {
    const image = await t.deps.db.selectFrom('images').select(['id', 'sha256']).orderBy('uploaded_at').limit(1).executeTakeFirstOrThrow();
    const path = (unwrapBlobs(t.deps.blobs) as LocalBlobStore).pathOf(image.sha256);
    const bytes = readFileSync(path);
    bytes[bytes.length >> 1]! ^= 0x01;
    writeFileSync(path, bytes);

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/images/${image.id}/content`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'BLOB_INTEGRITY_FAILED' });
    expect(res.headers.etag).toBeUndefined();

    const alarms = await t.app.inject({ method: 'GET', url: '/api/v1/ledger/integrity-alarms', headers: { cookie: admin } });
    expect(alarms.statusCode).toBe(200);
    const list = alarms.json<{ sha256: string; foundBy: string; objects: { type: string; id: string }[] }[]>();
    expect(list[0]).toMatchObject({ sha256: image.sha256, foundBy: 'download', objects: [{ type: 'image', id: image.id }] });
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'integrity.alarm').execute();
    expect(audit).toContainEqual({ action: 'integrity.alarm', target_id: image.sha256 });
    const tester = await t.login('jz.tester');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/ledger/integrity-alarms', headers: { cookie: tester } })).statusCode).toBe(403);

    const scrub = await scrubBlobs(t.deps.db, unwrapBlobs(t.deps.blobs), () => new Date());
    expect(scrub.failed).toContainEqual({ sha256: image.sha256, state: 'mismatch' });

    const r = await auditLedger(t.deps.db, unwrapBlobs(t.deps.blobs), recordContentSha256);
    expect(r.divergences[0]).toMatchObject({ item: `image ${image.id}` });
    expect(r.divergences[0]!.problem).toMatch(/字节已改变/);
    writeFileSync(path, Buffer.from(bytes.map((b, i) => (i === bytes.length >> 1 ? b ^ 0x01 : b))));
  });

  it('a record rewritten with superuser rights past its trigger: audit names the record version', async () => {
    const rec = await t.deps.db.selectFrom('batch_records').select(['id', 'values']).orderBy('received_at').limit(1).executeTakeFirstOrThrow();
    await sql`alter table batch_records disable trigger user`.execute(t.deps.db);
    await sql`update batch_records set values = jsonb_set(values, '{note}', '"altered"') where id = ${rec.id}`.execute(t.deps.db);
    await sql`alter table batch_records enable trigger user`.execute(t.deps.db);
    const r = await auditLedger(t.deps.db, unwrapBlobs(t.deps.blobs), recordContentSha256);
    expect(r.divergences).toHaveLength(1);
    expect(r.divergences[0]).toMatchObject({ item: `record_version ${rec.id}` });
    expect(r.divergences[0]!.problem).toMatch(/原始记录内容已改变/);
  });

  it('a ledger entry rewritten past its trigger: the audit finds the leaf and the signed root diverge', async () => {
    await sql`alter table ledger_entries disable trigger user`.execute(t.deps.db);
    await sql`update ledger_entries set entry = replace(entry, '"v":1', '"v":1 ') where leaf_index = 3`.execute(t.deps.db);
    await sql`alter table ledger_entries enable trigger user`.execute(t.deps.db);
    const r = await auditLedger(t.deps.db, unwrapBlobs(t.deps.blobs), recordContentSha256);
    const at3 = r.divergences.filter((d) => d.leafIndex === 3 || /root/.test(d.problem));
    expect(at3.some((d) => /tile 0/.test(d.problem))).toBe(true);
    expect(r.divergences.some((d) => /recomputed root differs/.test(d.problem))).toBe(true);
  });
});
