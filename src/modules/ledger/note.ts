import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { sha256 } from './merkle.ts';

/**
 * C2SP signed-note (Ed25519, signature type 0x01), tlog-checkpoint bodies and tlog-cosignature/v1 (type 0x04), pure
 * apart from node:crypto. A note is text ending in a newline, a blank line, then lines `— <name> <base64(keyID ‖
 * sig)>`; the key ID is SHA-256(name ‖ "\n" ‖ type ‖ public key)[:4]; the signature covers the text including its
 * final newline. A checkpoint's text is `<origin>\n<size>\n<base64 root>\n`.
 */

export const SIG_ED25519 = 0x01;
export const SIG_COSIGNATURE_V1 = 0x04;
const DASH = '\u2014 ';
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export class NoteError extends Error {}

export interface NoteSigner {
  name: string;
  keyId: Buffer;
  publicKey: Buffer;
  /** `<name>+<hex key ID>+<base64(type ‖ public key)>`: what a verifier is configured with. */
  vkey: string;
  sign(message: Buffer): Buffer;
}

export function keyId(name: string, type: number, publicKey: Uint8Array): Buffer {
  return sha256(Buffer.from(`${name}\n`, 'utf8'), Buffer.from([type]), publicKey).subarray(0, 4);
}

/** A key name: non-empty, no spaces, no '+'. */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

export function ed25519FromSeed(seed: Uint8Array): { privateKey: KeyObject; publicKey: Buffer } {
  if (seed.length !== 32) throw new NoteError('an Ed25519 seed is 32 bytes');
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { privateKey, publicKey: Buffer.from(der.subarray(der.length - 32)) };
}

export function publicKeyObject(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
}

export function makeSigner(name: string, seed: Uint8Array, type = SIG_ED25519): NoteSigner {
  if (!isKeyName(name)) throw new NoteError(`bad key name ${name}`);
  const { privateKey, publicKey } = ed25519FromSeed(seed);
  const id = keyId(name, type, publicKey);
  return {
    name,
    keyId: id,
    publicKey,
    vkey: `${name}+${id.toString('hex')}+${Buffer.concat([Buffer.from([type]), publicKey]).toString('base64')}`,
    sign: (message) => sign(null, message, privateKey),
  };
}

export interface Verifier {
  name: string;
  type: number;
  keyId: Buffer;
  publicKey: Buffer;
}

/** Parses a vkey; throws NoteError when malformed or when its key ID does not match its key. */
export function parseVkey(vkey: string): Verifier {
  // The base64 key material may itself hold '+': split at the first two only.
  const t = vkey.trim();
  const a = t.indexOf('+');
  const b = a < 0 ? -1 : t.indexOf('+', a + 1);
  const parts = a < 0 || b < 0 ? [] : [t.slice(0, a), t.slice(a + 1, b), t.slice(b + 1)];
  if (parts.length !== 3 || !isKeyName(parts[0]!) || !/^[0-9a-f]{8}$/.test(parts[1]!)) throw new NoteError('malformed verifier key');
  const material = Buffer.from(parts[2]!, 'base64');
  if (material.length !== 33 || (material[0] !== SIG_ED25519 && material[0] !== SIG_COSIGNATURE_V1)) throw new NoteError('unsupported verifier key type');
  const v = { name: parts[0]!, type: material[0]!, publicKey: material.subarray(1), keyId: Buffer.from(parts[1]!, 'hex') };
  if (!keyId(v.name, v.type, v.publicKey).equals(v.keyId)) throw new NoteError('verifier key ID does not match its key');
  return v;
}

export interface NoteSignature {
  name: string;
  keyId: Buffer;
  /** Everything after the key ID (the signature, or timestamp ‖ signature for a cosignature). */
  payload: Buffer;
  line: string;
}

export interface ParsedNote {
  text: string;
  signatures: NoteSignature[];
}

/** Splits a signed note into its text and signature lines (syntax only; nothing verified). */
export function parseNote(note: string): ParsedNote {
  if (note.length > 1_000_000) throw new NoteError('note too large');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const rest = note.slice(split + 2);
  if (!rest.endsWith('\n')) throw new NoteError('signature block does not end with a newline');
  const signatures: NoteSignature[] = [];
  for (const line of rest.slice(0, -1).split('\n')) {
    if (!line.startsWith(DASH)) throw new NoteError('malformed signature line');
    const [name, b64, extra] = line.slice(DASH.length).split(' ');
    if (!name || !b64 || extra !== undefined || !isKeyName(name) || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw new NoteError('malformed signature line');
    const raw = Buffer.from(b64, 'base64');
    if (raw.length < 5) throw new NoteError('signature too short');
    signatures.push({ name, keyId: raw.subarray(0, 4), payload: raw.subarray(4), line: `${line}\n` });
  }
  if (signatures.length === 0 || signatures.length > 100) throw new NoteError('a note carries 1 to 100 signatures');
  return { text, signatures };
}

export function signatureLine(name: string, id: Uint8Array, payload: Uint8Array): string {
  return `${DASH}${name} ${Buffer.concat([id, payload]).toString('base64')}\n`;
}

export function signNote(text: string, signer: NoteSigner): string {
  if (!text.endsWith('\n') || text.includes('\n\n')) throw new NoteError('note text must end with one newline and have no blank line');
  return `${text}\n${signatureLine(signer.name, signer.keyId, signer.sign(Buffer.from(text, 'utf8')))}`;
}

/** Verifies the signature by `v` on a parsed note; throws unless present and valid. */
export function verifyNoteSignature(note: ParsedNote, v: Verifier): void {
  const sig = note.signatures.find((s) => s.name === v.name && s.keyId.equals(v.keyId));
  if (!sig) throw new NoteError(`no signature by ${v.name}`);
  if (v.type !== SIG_ED25519 || sig.payload.length !== 64 || !verify(null, Buffer.from(note.text, 'utf8'), publicKeyObject(v.publicKey), sig.payload)) {
    throw new NoteError(`signature by ${v.name} does not verify`);
  }
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

export function checkpointText(c: Checkpoint): string {
  return `${c.origin}\n${c.size}\n${c.root.toString('base64')}\n`;
}

export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') throw new NoteError('a checkpoint has three lines');
  const [origin, size, root] = lines;
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(size ?? '') || !Number.isSafeInteger(Number(size))) throw new NoteError('bad checkpoint size');
  const r = Buffer.from(root ?? '', 'base64');
  if (r.length !== 32 || r.toString('base64') !== root) throw new NoteError('bad checkpoint root');
  return { origin, size: Number(size), root: r };
}

/** The message a tlog-cosignature/v1 signs. */
export function cosignedMessage(text: string, timestamp: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${text}`, 'utf8');
}

/** A cosignature line over a checkpoint's text by a cosigner (type 0x04 key). */
export function cosign(text: string, signer: NoteSigner, timestamp: number): string {
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(timestamp));
  return signatureLine(signer.name, signer.keyId, Buffer.concat([ts, signer.sign(cosignedMessage(text, timestamp))]));
}

/** Verifies a cosignature by `v` on a note; returns its timestamp. */
export function verifyCosignature(note: ParsedNote, v: Verifier): number {
  const sig = note.signatures.find((s) => s.name === v.name && s.keyId.equals(v.keyId));
  if (!sig) throw new NoteError(`no cosignature by ${v.name}`);
  if (v.type !== SIG_COSIGNATURE_V1 || sig.payload.length !== 72) throw new NoteError(`cosignature by ${v.name} is malformed`);
  const ts = sig.payload.readBigUInt64BE(0);
  if (ts > BigInt(Number.MAX_SAFE_INTEGER)) throw new NoteError('cosignature timestamp out of range');
  const timestamp = Number(ts);
  if (!verify(null, cosignedMessage(note.text, timestamp), publicKeyObject(v.publicKey), sig.payload.subarray(8))) {
    throw new NoteError(`cosignature by ${v.name} does not verify`);
  }
  return timestamp;
}
