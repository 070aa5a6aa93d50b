#!/usr/bin/env node
// Offline verification of a QTrace signed capture (docs/integration-api.md §5.5), with nothing but Node's own crypto:
//   node scripts/verify-capture.mjs <public key: SPKI base64 or PEM file> <capture.json> <photo.jpg>
// capture.json is the `capture` member of the image's metadata: { manifest, keyId, alg, signature }.
// Exit 0 and "OK …" when the signature verifies over the manifest's RFC 8785 bytes and the photo's SHA-256 is the
// manifest's; exit 1 with the reason otherwise.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** RFC 8785 (JCS) for the JSON a manifest holds: sorted keys, ECMAScript number and string forms. */
const jcs = (v) =>
  v === null || typeof v !== 'object'
    ? JSON.stringify(v)
    : Array.isArray(v)
      ? `[${v.map(jcs).join(',')}]`
      : `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${jcs(v[k])}`).join(',')}}`;

const [keyArg, captureFile, photoFile] = process.argv.slice(2);
if (!keyArg || !captureFile || !photoFile) {
  console.error('usage: verify-capture.mjs <public-key (base64 SPKI or PEM file)> <capture.json> <photo.jpg>');
  process.exit(2);
}
const keyText = keyArg.includes('BEGIN') || !/^[A-Za-z0-9+/_=-]+$/.test(keyArg) ? readFileSync(keyArg, 'utf8') : keyArg;
const key = keyText.includes('BEGIN') ? createPublicKey(keyText) : createPublicKey({ key: Buffer.from(keyText, 'base64'), format: 'der', type: 'spki' });
const { manifest, alg, signature } = JSON.parse(readFileSync(captureFile, 'utf8'));
const data = Buffer.from(jcs(manifest), 'utf8');
const sig = Buffer.from(signature, 'base64url');
const signed = alg === 'Ed25519' ? verify(null, data, key, sig) : alg === 'ES256' ? verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig) : false;
const sha256 = createHash('sha256').update(readFileSync(photoFile)).digest('hex');
if (!signed) {
  console.log('FAIL signature: the manifest was not signed by this key, or was changed after signing');
  process.exit(1);
}
if (sha256 !== manifest.sha256) {
  console.log(`FAIL hash: the photo's SHA-256 ${sha256} is not the signed ${manifest.sha256}`);
  process.exit(1);
}
console.log(`OK ${alg} signature over the manifest; photo SHA-256 ${sha256}; captured ${manifest.capturedAt} at ${manifest.position.lat},${manifest.position.lng} (±${manifest.position.accuracy} m); challenge issued ${manifest.challenge.issuedAt}`);
