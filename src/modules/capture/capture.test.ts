import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURE_CHALLENGE_TTL_MS, CAPTURE_CHALLENGES_HELD_MAX, CAPTURE_POSITION_MAX_ACCURACY_METRES, CAPTURE_POSITION_MAX_AGE_MS } from '../../kernel/policy.ts';
import { startBatchHarness, type BatchHarness, type Who } from '../batches/test-fixtures.ts';
import { encodeMetadata } from '../images/index.ts';
import { declaredFor, photoFor, uploadImage, type Declared } from '../images/test-helpers.ts';
import { makeCaptureKey, processManifest, signedMetadata, signManifest, sha256Hex, type TestCaptureKey } from './test-helpers.ts';

let h: BatchHarness;
let batchId: string;
let openedAt: Date;
const MIN = 60_000;
type Key = TestCaptureKey & { id: string };
let ed: Key;
let p256: Key;

beforeAll(async () => {
  h = await startBatchHarness();
  const b = await h.open();
  batchId = b.id;
  openedAt = new Date(b.openedAt);
  h.clock.advance(30 * MIN);
  // The demo registry takes a while to build on a loaded 2-core machine.
}, 240_000);
afterAll(() => h.t.close());

const at = (m: number) => new Date(openedAt.getTime() + m * MIN);
let minute = 1;
/** Each photo a new scene (no duplicate flags between them) at a later minute. */
async function shot(): Promise<{ d: Declared; bytes: Buffer }> {
  const d = declaredFor(h, at(minute++));
  return { d, bytes: await photoFor(d, { make: 'QTrace', model: `phone ${minute}` }) };
}

async function enrol(who: Who, key: TestCaptureKey, label = '测试手机') {
  return h.post(who, '/api/v1/capture/keys', { publicKey: key.spki, label });
}
async function challenges(who: Who): Promise<{ nonce: string; issuedAt: string; expiresAt: string; code: string }[]> {
  const res = await h.post(who, '/api/v1/capture/challenges');
  expect(res.statusCode).toBe(200);
  return res.json().items;
}
async function enrolled(who: Who, key: TestCaptureKey, approver: Who = 'jz.admin'): Promise<Key> {
  const res = await enrol(who, key);
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  expect((await h.post(approver, `/api/v1/capture/keys/${id}/approve`)).statusCode).toBe(200);
  return { ...key, id };
}

describe('capture keys', () => {
  it('are enrolled by their holder (Ed25519 and P-256), approved by the agency administrator, listed, audited', async () => {
    const edKey = makeCaptureKey('Ed25519');
    const res = await enrol('jz.tester', edKey, '高峰的手机');
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({ algorithm: 'Ed25519', state: 'pending', label: '高峰的手机', owner: { type: 'user' } });
    expect(view.fingerprint).toBe(sha256Hex(Buffer.from(edKey.spki, 'base64')));

    expect((await enrol('jz.tester', edKey)).json().code).toBe('CAPTURE_KEY_ALREADY_ENROLLED');
    expect((await h.post('jz.tester', `/api/v1/capture/keys/${view.id}/approve`)).json().code).toBe('CAPTURE_KEY_SELF_APPROVAL');
    expect((await h.post('jz.reviewer', `/api/v1/capture/keys/${view.id}/approve`)).json().code).toBe('CAPTURE_KEY_ADMIN_ONLY');
    // Another agency's administrator does not see it at all.
    expect((await h.post('jk.tester', `/api/v1/capture/keys/${view.id}/approve`)).statusCode).toBe(404);
    const approved = await h.post('jz.admin', `/api/v1/capture/keys/${view.id}/approve`);
    expect(approved.json()).toMatchObject({ state: 'approved', approvedBy: expect.any(String) });
    expect((await h.post('jz.admin', `/api/v1/capture/keys/${view.id}/approve`)).json().code).toBe('CAPTURE_KEY_NOT_PENDING');
    ed = { ...edKey, id: view.id };
    p256 = await enrolled('jz.tester', makeCaptureKey('ES256'));

    const mine = await h.get('jz.tester', '/api/v1/capture/keys');
    expect(mine.json().items.map((k: { algorithm: string }) => k.algorithm).sort()).toEqual(['ES256', 'Ed25519']);
    expect((await h.get('jz.tester', '/api/v1/capture/keys?scope=organisation')).statusCode).toBe(403);
    const org = await h.get('jz.admin', '/api/v1/capture/keys?scope=organisation');
    expect(org.json().items.map((k: { id: string }) => k.id)).toEqual(expect.arrayContaining([ed.id, p256.id]));

    const audit = await h.t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', ed.id).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['capture_key.enrol', 'capture_key.approve']);
  });

  it('refuses a key of another curve or type', async () => {
    const rsa = (await import('node:crypto')).generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const res = await h.post('jz.tester', '/api/v1/capture/keys', { publicKey: rsa, label: 'RSA' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CAPTURE_KEY_INVALID', field: 'body.publicKey' });
  });
});

describe('challenges', () => {
  it('are issued to the caller, a few at once, and the same ones are returned until used', async () => {
    const first = await challenges('jz.tester');
    expect(first).toHaveLength(CAPTURE_CHALLENGES_HELD_MAX);
    expect(new Set(first.map((c) => c.nonce)).size).toBe(CAPTURE_CHALLENGES_HELD_MAX);
    expect(first[0]!.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(new Date(first[0]!.expiresAt).getTime() - new Date(first[0]!.issuedAt).getTime()).toBe(CAPTURE_CHALLENGE_TTL_MS);
    expect((await challenges('jz.tester')).map((c) => c.nonce)).toEqual(first.map((c) => c.nonce));
  });

  it("carry the policy's position limits the phone applies before capture", async () => {
    const res = await h.post('jz.tester', '/api/v1/capture/challenges');
    expect(res.json()).toMatchObject({
      positionMaxAgeMs: CAPTURE_POSITION_MAX_AGE_MS,
      positionMaxAccuracyMetres: CAPTURE_POSITION_MAX_ACCURACY_METRES,
      challengeTtlMs: CAPTURE_CHALLENGE_TTL_MS,
    });
  });
});

describe('a signed capture', () => {
  it('is accepted with its manifest stored beside the image, marked capture: verified, not flagged unsigned (Ed25519, direct)', async () => {
    const [c] = await challenges('jz.tester');
    const { d, bytes } = await shot();
    const manifest = processManifest(batchId, d, bytes, c!);
    const res = await uploadImage(h, 'jz.tester', batchId, bytes, signedMetadata(ed, d, manifest));
    expect(res.statusCode).toBe(201);
    const img = res.json();
    expect(img.capture).toMatchObject({ status: 'verified', keyId: ed.id, algorithm: 'Ed25519', code: c!.code, positionAccuracy: 8, appVersion: 'test-1.0.0' });
    expect(img.flags.map((f: { kind: string }) => f.kind)).not.toContain('unsigned_capture');
    const stored = await h.t.deps.db.selectFrom('image_captures').selectAll().where('image_id', '=', img.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.manifest)).toEqual(manifest);
    const listed = await h.get('jz.owner', `/api/v1/batches/${batchId}/images`);
    expect(listed.json().items.find((i: { id: string }) => i.id === img.id).capture.status).toBe('verified');

    // The watermark's code resolves publicly, without a login, to time, place, agency, batch and hash.
    const pub = await h.t.app.inject({ url: `/api/v1/public/captures/${c!.code.toLowerCase()}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ code: c!.code, sha256: img.sha256, capturedAt: new Date(d.capturedAt).toISOString(), location: { lat: d.location.lat, lng: d.location.lng, accuracy: 8 } });
    expect(pub.json().batchNumber).toEqual(expect.any(String));
    expect(JSON.stringify(pub.json())).not.toMatch(/testerPersonId|高峰/);
    expect((await h.t.app.inject({ url: '/api/v1/public/captures/ZZZZZZZZ' })).statusCode).toBe(404);
  });

  it('verifies ECDSA P-256 (ES256, P1363) too, and flags a stale or inaccurate position', async () => {
    const [c] = await challenges('jz.tester');
    const { d, bytes } = await shot();
    const stale = new Date(new Date(d.capturedAt).getTime() - 5 * MIN).toISOString();
    const manifest = processManifest(batchId, d, bytes, c!, { accuracy: 120, fixedAt: stale });
    const res = await uploadImage(h, 'jz.tester', batchId, bytes, signedMetadata(p256, d, manifest));
    expect(res.statusCode).toBe(201);
    expect(res.json().capture).toMatchObject({ status: 'verified', algorithm: 'ES256' });
    const flags = res.json().flags as { kind: string; details: Record<string, unknown> }[];
    expect(flags.map((f) => f.kind).sort()).toEqual(['capture_position_inaccurate', 'capture_position_stale']);
    expect(flags.find((f) => f.kind === 'capture_position_stale')!.details).toMatchObject({ ageSeconds: 300, severity: 'minor' });
  });

  it('is refused with its own code: replayed challenge (409)', async () => {
    const [c] = await challenges('jz.tester');
    const first = await shot();
    expect((await uploadImage(h, 'jz.tester', batchId, first.bytes, signedMetadata(ed, first.d, processManifest(batchId, first.d, first.bytes, c!)))).statusCode).toBe(201);
    const again = await shot();
    const res = await uploadImage(h, 'jz.tester', batchId, again.bytes, signedMetadata(ed, again.d, processManifest(batchId, again.d, again.bytes, c!)));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CAPTURE_CHALLENGE_REPLAYED', field: 'headers.x-qtrace-metadata.capture.challenge.nonce' });
  });

  it("is refused with its own code: someone else's challenge (403)", async () => {
    const [others] = await challenges('jz.owner');
    const { d, bytes } = await shot();
    const res = await uploadImage(h, 'jz.tester', batchId, bytes, signedMetadata(ed, d, processManifest(batchId, d, bytes, others!)));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CAPTURE_CHALLENGE_NOT_YOURS');
  });

  it('is refused with its own code: hash mismatch (422) — the bytes are not the ones signed', async () => {
    const [c] = await challenges('jz.tester');
    const { d, bytes } = await shot();
    const manifest = processManifest(batchId, d, bytes, c!);
    const edited = await photoFor(d, { make: 'QTrace', model: 'edited' });
    const res = await uploadImage(h, 'jz.tester', batchId, edited, signedMetadata(ed, d, manifest));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'CAPTURE_HASH_MISMATCH', field: 'headers.x-qtrace-metadata.capture.manifest.sha256' });
    // The challenge was not consumed by the refused upload: the honest retry with the right bytes goes through.
    expect((await uploadImage(h, 'jz.tester', batchId, bytes, signedMetadata(ed, d, manifest))).statusCode).toBe(201);
  });

  it('is refused with its own code: bad signature (422) — a manifest changed after signing, or signed by another key', async () => {
    const [c1, c2] = await challenges('jz.tester');
    const { d, bytes } = await shot();
    const manifest = processManifest(batchId, d, bytes, c1!);
    const signature = signManifest(ed, manifest);
    const tampered = { ...manifest, appVersion: 'test-9.9.9' };
    const res = await uploadImage(h, 'jz.tester', batchId, bytes, signedMetadata(ed, d, tampered, signature));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CAPTURE_SIGNATURE_INVALID');
    const other = makeCaptureKey('Ed25519');
    const byOther = await uploadImage(h, 'jz.tester', batchId, bytes, signedMetadata(ed, d, processManifest(batchId, d, bytes, c2!), signManifest(other, processManifest(batchId, d, bytes, c2!))));
    expect(byOther.json().code).toBe('CAPTURE_SIGNATURE_INVALID');
  });

  it('is refused when the signed manifest and the declared metadata disagree (422)', async () => {
    const [c] = await challenges('jz.tester');
    const { d, bytes } = await shot();
    const manifest = processManifest(batchId, d, bytes, c!);
    const res = await uploadImage(h, 'jz.tester', batchId, bytes, signedMetadata(ed, { ...d, recordKeys: ['R-0002'] }, manifest));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'CAPTURE_MANIFEST_MISMATCH', field: 'headers.x-qtrace-metadata.capture.manifest.recordKeys' });
  });

  it('is refused with its own code: a key of another person, a key not yet approved (403)', async () => {
    const [c] = await challenges('jz.owner');
    const { d, bytes } = await shot();
    const res = await uploadImage(h, 'jz.owner', batchId, bytes, signedMetadata(ed, d, processManifest(batchId, d, bytes, c!)));
    expect(res.json().code).toBe('CAPTURE_KEY_NOT_YOURS');
    const pendingKey = makeCaptureKey('Ed25519');
    const pending = { ...pendingKey, id: (await enrol('jz.owner', pendingKey)).json().id as string };
    const res2 = await uploadImage(h, 'jz.owner', batchId, bytes, signedMetadata(pending, d, processManifest(batchId, d, bytes, c!)));
    expect(res2.statusCode).toBe(403);
    expect(res2.json().code).toBe('CAPTURE_KEY_NOT_APPROVED');
  });

  it('through tus: checked at creation (a replayed challenge is refused before any byte), verified when whole', async () => {
    const [c] = await challenges('jz.tester');
    const { d, bytes } = await shot();
    const meta = encodeMetadata(signedMetadata(ed, d, processManifest(batchId, d, bytes, c!)));
    const create = (key: string) =>
      h.post('jz.tester', `/api/v1/batches/${batchId}/uploads`, undefined, { 'tus-resumable': '1.0.0', 'upload-length': String(bytes.length), 'idempotency-key': key, 'x-qtrace-metadata': meta });
    const created = await create(`tus-${randomUUID()}`);
    expect(created.statusCode).toBe(201);
    expect((await create(`tus-${randomUUID()}`)).json().code).toBe('CAPTURE_CHALLENGE_REPLAYED');
    const location = created.headers.location as string;
    const patched = await h.t.app.inject({
      method: 'PATCH',
      url: location,
      headers: { cookie: await h.t.login('jz.tester'), 'tus-resumable': '1.0.0', 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
      payload: bytes,
    });
    expect(patched.statusCode).toBe(204);
    expect(patched.headers['x-qtrace-upload-state']).toBe('attached');
    const image = await h.get('jz.tester', `/api/v1/images/${patched.headers['x-qtrace-image-id'] as string}`);
    expect(image.json()).toMatchObject({ channel: 'resumable', capture: { status: 'verified', code: c!.code } });
  });

  it('from an agency capture app: its machine credential enrols its own key and signs (integration API)', async () => {
    const appKey = await enrolled('lims', makeCaptureKey('ES256'));
    const [c] = await challenges('lims');
    const { d, bytes } = await shot();
    const res = await uploadImage(h, 'lims', batchId, bytes, signedMetadata(appKey, d, processManifest(batchId, d, bytes, c!)));
    expect(res.statusCode).toBe(201);
    expect(res.json().capture.status).toBe('verified');
  });
});

describe('a witness check-in', () => {
  it('is signed with the witness’s enrolled key and a challenge (approved for a supervision unit by the platform administrator)', async () => {
    const key = makeCaptureKey('Ed25519');
    const enrolledKey = await enrol('witness.sun', key, '孙立的手机');
    expect(enrolledKey.statusCode).toBe(201);
    expect((await h.post('witness.sun', `/api/v1/capture/keys/${enrolledKey.json().id}/approve`)).json().code).toBe('CAPTURE_KEY_SELF_APPROVAL');
    expect((await h.post('jz.admin', `/api/v1/capture/keys/${enrolledKey.json().id}/approve`)).statusCode).toBe(404);
    expect((await h.post('admin', `/api/v1/capture/keys/${enrolledKey.json().id}/approve`)).statusCode).toBe(200);
    const witnessKey = { ...key, id: enrolledKey.json().id as string };
    const [c] = await challenges('witness.sun');
    const d = declaredFor(h, new Date(h.clock.now().getTime() - MIN));
    const bytes = await photoFor(d, { make: 'QTrace', model: 'witness' });
    const manifest = { ...processManifest(batchId, d, bytes, c!), purpose: 'witness_checkin' as const, testerPersonId: null, equipmentId: null, componentId: null, recordKeys: [] };
    const post = (m: object) =>
      h.t.app.inject({
        method: 'POST',
        url: `/api/v1/batches/${batchId}/checkins`,
        headers: { cookie: witnessCookie, 'content-type': 'image/jpeg', 'idempotency-key': `checkin-${randomUUID()}`, 'x-qtrace-metadata': encodeMetadata(m) },
        payload: bytes,
      });
    const witnessCookie = await h.t.login('witness.sun');
    // A process manifest cannot pass for a check-in.
    const asProcess = await post({ capturedAt: d.capturedAt, location: d.location, capture: { manifest: processManifest(batchId, d, bytes, c!), keyId: witnessKey.id, alg: 'Ed25519', signature: signManifest(witnessKey, processManifest(batchId, d, bytes, c!)) } });
    expect(asProcess.json().code).toBe('CAPTURE_MANIFEST_MISMATCH');
    const res = await post({ capturedAt: d.capturedAt, location: d.location, capture: { manifest, keyId: witnessKey.id, alg: 'Ed25519', signature: signManifest(witnessKey, manifest) } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().photo.capture).toMatchObject({ status: 'verified', code: c!.code });
    expect(res.json().photo.flags.map((f: { kind: string }) => f.kind)).not.toContain('unsigned_capture');
  });
});

describe('an image that arrives any other way', () => {
  it('is accepted and flagged unsigned_capture with the policy severity (console album upload)', async () => {
    const { d, bytes } = await shot();
    const res = await uploadImage(h, 'jz.tester', batchId, bytes, d);
    expect(res.statusCode).toBe(201);
    expect(res.json().capture.status).toBe('unsigned');
    const flag = (res.json().flags as { kind: string; details: Record<string, unknown> }[]).find((f) => f.kind === 'unsigned_capture');
    expect(flag?.details).toMatchObject({ severity: 'minor', channel: 'direct', uploadedBy: 'user' });
  });
});

describe('revocation and expiry', () => {
  it('a revoked key is refused (403 CAPTURE_KEY_REVOKED); revocation needs a reason and is audited', async () => {
    const key = await enrolled('jz.tester', makeCaptureKey('Ed25519'));
    expect((await h.post('jz.tester', `/api/v1/capture/keys/${key.id}/revoke`, { reason: 'x' })).statusCode).toBe(400);
    const revoked = await h.post('jz.admin', `/api/v1/capture/keys/${key.id}/revoke`, { reason: '手机遗失' });
    expect(revoked.json()).toMatchObject({ state: 'revoked', revokeReason: '手机遗失' });
    const [c] = await challenges('jz.tester');
    const { d, bytes } = await shot();
    const res = await uploadImage(h, 'jz.tester', batchId, bytes, signedMetadata(key, d, processManifest(batchId, d, bytes, c!)));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CAPTURE_KEY_REVOKED');
    const audit = await h.t.deps.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', key.id).where('action', '=', 'capture_key.revoke').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ reason: '手机遗失' });
  });

  it('an expired challenge is refused (410 CAPTURE_CHALLENGE_EXPIRED)', async () => {
    const [c] = await challenges('jz.tester');
    const { d, bytes } = await shot();
    const manifest = processManifest(batchId, d, bytes, c!);
    h.clock.advance(CAPTURE_CHALLENGE_TTL_MS);
    const res = await uploadImage(h, 'jz.tester', batchId, bytes, signedMetadata(ed, d, manifest));
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe('CAPTURE_CHALLENGE_EXPIRED');
  });
});
