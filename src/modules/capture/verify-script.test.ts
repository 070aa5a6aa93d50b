import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeCaptureKey, processManifest, signManifest } from './test-helpers.ts';

const run = promisify(execFile);
const script = join(import.meta.dirname, '../../../scripts/verify-capture.mjs');

/** The documented offline procedure (docs/integration-api.md §5.5) accepts a good capture and rejects a forged one. */
describe('scripts/verify-capture.mjs', () => {
  it.each(['Ed25519', 'ES256'] as const)('%s: OK for the signed photo, FAIL for other bytes or a changed manifest', async (alg) => {
    const dir = await mkdtemp(join(tmpdir(), 'capture-'));
    const key = makeCaptureKey(alg);
    const photo = Buffer.from('not really a jpeg, but bytes are bytes');
    const d = { capturedAt: '2026-07-15T10:05:00+08:00', location: { lat: 43.8468, lng: 125.3562 }, testerPersonId: '44444444-4444-4444-8444-444444444444', equipmentId: '55555555-5555-4555-8555-555555555555', componentId: 'QC-ABCD-EFGH-JK-7', recordKeys: ['R-0001'] };
    const manifest = processManifest('33333333-3333-4333-8333-333333333333', d, photo, { nonce: 'N'.repeat(43), issuedAt: '2026-07-15T01:00:00.000Z' });
    await writeFile(join(dir, 'capture.json'), JSON.stringify({ manifest, keyId: '66666666-6666-4666-8666-666666666666', alg, signature: signManifest(key, manifest) }, null, 2));
    await writeFile(join(dir, 'tampered.json'), JSON.stringify({ manifest: { ...manifest, capturedAt: '2026-07-15T09:05:00+08:00' }, alg, signature: signManifest(key, manifest) }));
    await writeFile(join(dir, 'photo.jpg'), photo);
    await writeFile(join(dir, 'other.jpg'), Buffer.concat([photo, Buffer.from('!')]));
    const ok = await run(process.execPath, [script, key.spki, join(dir, 'capture.json'), join(dir, 'photo.jpg')]);
    expect(ok.stdout).toMatch(new RegExp(`^OK ${alg} signature`));
    await expect(run(process.execPath, [script, key.spki, join(dir, 'capture.json'), join(dir, 'other.jpg')])).rejects.toMatchObject({ code: 1, stdout: expect.stringMatching(/^FAIL hash/) });
    await expect(run(process.execPath, [script, key.spki, join(dir, 'tampered.json'), join(dir, 'photo.jpg')])).rejects.toMatchObject({ code: 1, stdout: expect.stringMatching(/^FAIL signature/) });
  });
});
