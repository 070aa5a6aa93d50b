import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle.ts';
import { cosign, makeSigner, parseCheckpointText, parseNote, parseVkey, SIG_COSIGNATURE_V1, verifyCosignature, verifyNoteSignature } from './note.ts';
import { appendReceipt, contentHash } from './receipts.ts';
import { LedgerService } from './service.ts';

const witness = makeSigner('witness.example/w1', randomBytes(32), SIG_COSIGNATURE_V1);
const stranger = makeSigner('stranger.example/w', randomBytes(32), SIG_COSIGNATURE_V1);
let t: TestApp;
let svc: LedgerService;
const b = (s: string) => Buffer.from(s, 'base64');
const ctx = { actor: { kind: 'system', name: 'test' } as const, now: new Date('2026-03-02T00:00:00Z') };

beforeAll(async () => {
  t = await createTestApp({ seed: false, config: { ledgerWitnesses: [witness.vkey] } });
  svc = new LedgerService(t.deps);
}, 120_000);
afterAll(async () => t.close());

describe('ledger HTTP API', () => {
  it('serves an empty log as a signed size-0 checkpoint, then proofs as receipts arrive', async () => {
    const key = (await t.app.inject({ method: 'GET', url: '/api/v1/ledger/key' })).json<{ vkey: string; origin: string }>();
    const v = parseVkey(key.vkey);
    const empty = await t.app.inject({ method: 'GET', url: '/ledger/checkpoint' });
    expect(empty.statusCode).toBe(200);
    const n0 = parseNote(empty.body);
    verifyNoteSignature(n0, v);
    expect(parseCheckpointText(n0.text).size).toBe(0);

    for (let i = 0; i < 5; i++) await appendReceipt(t.deps.db, ctx, { type: 'seal', id: `s${i}`, sha256: contentHash({ i }) });
    await svc.sequenceAll();
    const first = parseCheckpointText(parseNote((await t.app.inject({ method: 'GET', url: '/ledger/checkpoint' })).body).text);
    expect(first.size).toBe(5);
    const r = await appendReceipt(t.deps.db, ctx, { type: 'image', id: 'img-1', sha256: contentHash('x') });
    const before = (await t.app.inject({ method: 'GET', url: `/api/v1/ledger/entries/${r.ledgerEntryId}` })).json<{ leafIndex: number | null; inclusionProof: unknown }>();
    expect(before).toMatchObject({ leafIndex: null, inclusionProof: null });
    await svc.sequenceAll();

    const proofs = (await t.app.inject({ method: 'GET', url: '/api/v1/ledger/objects/image/img-1' })).json<{ entry: string; leafIndex: number; treeSize: number; inclusionProof: string[]; checkpoint: { note: string } }[]>();
    expect(proofs).toHaveLength(1);
    const p = proofs[0]!;
    expect(p.leafIndex).toBe(5);
    const cp = parseNote(p.checkpoint.note);
    verifyNoteSignature(cp, v);
    verifyInclusion(p.leafIndex, p.treeSize, leafHash(Buffer.from(p.entry)), p.inclusionProof.map(b), parseCheckpointText(cp.text).root);
    const byIndex = await t.app.inject({ method: 'GET', url: '/api/v1/ledger/inclusion?index=2' });
    expect(byIndex.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/ledger/inclusion?index=99' })).statusCode).toBe(404);

    const c = (await t.app.inject({ method: 'GET', url: '/api/v1/ledger/consistency?from=5' })).json<{ proof: string[]; toSize: number; toRootHash: string; fromRootHash: string }>();
    verifyConsistency(5, c.toSize, first.root, b(c.toRootHash), c.proof.map(b));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/ledger/consistency?from=0' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/ledger/objects/nonsense/x' })).statusCode).toBe(400);
  });

  it('takes a configured witness\'s cosignature, shows it with its checkpoint, refuses others', async () => {
    const note = (await t.app.inject({ method: 'GET', url: '/ledger/checkpoint' })).body;
    const text = parseNote(note).text;
    const line = cosign(text, witness, 1_780_000_000);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/ledger/cosignatures', payload: { note: `${text}\n${line}` } });
    expect(ok.statusCode).toBe(200);
    const shown = (await t.app.inject({ method: 'GET', url: '/api/v1/ledger/cosignatures' })).json<{ note: string; cosignatures: { name: string }[] }>();
    expect(shown.cosignatures.map((x) => x.name)).toEqual(['witness.example/w1']);
    const withCosig = parseNote(shown.note);
    expect(verifyCosignature(withCosig, parseVkey(witness.vkey))).toBe(1_780_000_000);

    const bad = cosign(text.replace(/\n\d+\n/, '\n1\n'), witness, 1_780_000_000);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/ledger/cosignatures', payload: { note: `${text}\n${bad}` } })).json()).toMatchObject({ code: 'LEDGER_BAD_COSIGNATURE' });
    const other = cosign(text, stranger, 1_780_000_000);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/ledger/cosignatures', payload: { note: `${text}\n${other}` } })).json()).toMatchObject({ code: 'LEDGER_UNKNOWN_WITNESS' });
    const forged = `${text.replace(/\n[A-Za-z0-9+/=]{44}\n$/, `\n${Buffer.alloc(32).toString('base64')}\n`)}\n${cosign(text, witness, 1)}`;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/ledger/cosignatures', payload: { note: forged } })).json()).toMatchObject({ code: 'LEDGER_UNKNOWN_CHECKPOINT' });
  });
});
