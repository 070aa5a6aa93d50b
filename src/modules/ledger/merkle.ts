import { createHash } from 'node:crypto';

/**
 * RFC 9162 (§2.1) / RFC 6962 Merkle tree hashing and proofs, pure. A leaf hash is SHA-256(0x00 ‖ entry), an
 * interior node SHA-256(0x01 ‖ left ‖ right), the empty tree SHA-256(""). Written here (not a library) because no
 * maintained npm package implements RFC 9162 proofs over a tile store; see docs/decisions.md "Ledger".
 *
 * Hashes are 32-byte Buffers. A complete subtree is named by its height h and index k: the leaves
 * [k·2^h, (k+1)·2^h). Every hash a proof needs is MTH(D[a:b]) of a range that the RFC's recursion produces; such a
 * range is a right fold of complete subtrees, which a tile store can answer (see tiles.ts).
 */

export const HASH_SIZE = 32;

export function sha256(...parts: Uint8Array[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

export const leafHash = (entry: Uint8Array): Buffer => sha256(LEAF_PREFIX, entry);
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer => sha256(NODE_PREFIX, left, right);
export const EMPTY_ROOT: Buffer = sha256();

/** A complete subtree: height h, index k (leaves [k·2^h, (k+1)·2^h)). */
export interface NodeId {
  h: number;
  k: number;
}

/** Largest power of two strictly smaller than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes held in memory (RFC 9162 §2.1.1). */
export function rootOfHashes(hashes: readonly Buffer[], from = 0, to = hashes.length): Buffer {
  const n = to - from;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return hashes[from]!;
  const k = splitPoint(n);
  return nodeHash(rootOfHashes(hashes, from, from + k), rootOfHashes(hashes, from + k, to));
}

/** A range [a, b) of leaves whose MTH a proof carries. */
export type Range = readonly [number, number];

/** The ranges of PATH(m, D[0:n]) (RFC 9162 §2.1.3.1), deepest first. */
export function inclusionRanges(m: number, n: number): Range[] {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m < n)) throw new RangeError(`no leaf ${m} in a tree of ${n}`);
  const out: Range[] = [];
  let a = 0;
  let b = n;
  const stack: Range[] = [];
  while (b - a > 1) {
    const k = splitPoint(b - a);
    if (m < a + k) {
      stack.push([a + k, b]);
      b = a + k;
    } else {
      stack.push([a, a + k]);
      a += k;
    }
  }
  while (stack.length) out.push(stack.pop()!);
  return out;
}

/** The ranges of PROOF(m, D[0:n]) (RFC 9162 §2.1.4.1), in proof order. Empty for m = n or m = 0. */
export function consistencyRanges(m: number, n: number): Range[] {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m <= n)) throw new RangeError(`no consistency from ${m} to ${n}`);
  if (m === 0 || m === n) return [];
  const stack: Range[] = [];
  let a = 0;
  let b = n;
  let mm = m;
  let first = true;
  for (;;) {
    if (mm === b - a) {
      if (!first) stack.push([a, b]);
      break;
    }
    const k = splitPoint(b - a);
    if (mm <= k) {
      stack.push([a + k, b]);
      b = a + k;
    } else {
      stack.push([a, a + k]);
      a += k;
      mm -= k;
      first = false;
    }
  }
  return stack.reverse();
}

/** The complete subtrees whose right fold is MTH(D[a:b]), left to right (a range of the RFC's recursion). */
export function rangeNodes([a, b]: Range): NodeId[] {
  const out: NodeId[] = [];
  let x = a;
  while (x < b) {
    let h = 0;
    while (x % 2 ** (h + 1) === 0 && x + 2 ** (h + 1) <= b) h++;
    out.push({ h, k: x / 2 ** h });
    x += 2 ** h;
  }
  return out;
}

/** MTH(D[a:b]) from its complete subtrees' hashes: a right fold. */
export function foldRight(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let acc = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(hashes[i]!, acc);
  return acc;
}

export type NodeReader = (node: NodeId) => Buffer;

export const rangeHash = (range: Range, read: NodeReader): Buffer => foldRight(rangeNodes(range).map(read));
export const treeRoot = (n: number, read: NodeReader): Buffer => (n === 0 ? EMPTY_ROOT : rangeHash([0, n], read));
export const inclusionProof = (m: number, n: number, read: NodeReader): Buffer[] => inclusionRanges(m, n).map((r) => rangeHash(r, read));
export const consistencyProof = (m: number, n: number, read: NodeReader): Buffer[] => consistencyRanges(m, n).map((r) => rangeHash(r, read));

/** Every complete subtree a set of ranges needs (for fetching the tiles that hold them). */
export function nodesOf(ranges: readonly Range[]): NodeId[] {
  return ranges.flatMap(rangeNodes);
}

export class ProofError extends Error {}

const eq = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

/**
 * RFC 9162 §2.1.3.2: the root that `proof` yields for `leaf` at `index` in a tree of `size`. Throws ProofError when
 * the proof cannot be valid for these sizes (wrong length, index out of range, malformed hash).
 */
export function rootFromInclusionProof(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[]): Buffer {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size)) || index < 0 || index >= size) throw new ProofError(`index ${index} is beyond size ${size}`);
  if (leaf.length !== HASH_SIZE) throw new ProofError('leaf hash is not 32 bytes');
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (p.length !== HASH_SIZE) throw new ProofError('proof hash is not 32 bytes');
    if (sn === 0) throw new ProofError('proof is too long');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError('proof is too short');
  return r;
}

export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): void {
  if (root.length !== HASH_SIZE) throw new ProofError('root is not 32 bytes');
  if (!eq(rootFromInclusionProof(index, size, leaf, proof), root)) throw new ProofError('inclusion proof does not lead to the root');
}

/** RFC 9162 §2.1.4.2. Throws ProofError unless `proof` shows the tree of size1 (root1) is a prefix of size2 (root2). */
export function verifyConsistency(size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[]): void {
  if (!(Number.isSafeInteger(size1) && Number.isSafeInteger(size2)) || size1 < 0 || size2 < size1) throw new ProofError(`size ${size1} cannot precede size ${size2}`);
  // Every tree extends the empty one, so a "proof" from size 0 proves nothing; the published vectors refuse it.
  if (size1 === 0) throw new ProofError('consistency from the empty tree proves nothing');
  if (size1 === size2) {
    if (proof.length !== 0) throw new ProofError('equal sizes need an empty proof');
    if (!eq(root1, root2)) throw new ProofError('equal sizes with different roots');
    return;
  }
  if (proof.length === 0) throw new ProofError('empty proof');
  if (root1.length !== HASH_SIZE || root2.length !== HASH_SIZE) throw new ProofError('root is not 32 bytes');
  for (const p of proof) if (p.length !== HASH_SIZE) throw new ProofError('proof hash is not 32 bytes');
  let path = [...proof];
  // Step 1: if size1 is a power of two, prepend first_hash (root1).
  if ((size1 & (size1 - 1)) === 0 && size1 > 0 && Number.isSafeInteger(size1)) path = [Buffer.from(root1), ...path];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  for (const c of path.slice(1)) {
    if (sn === 0) throw new ProofError('proof is too long');
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError('proof is too short');
  if (!eq(fr, root1)) throw new ProofError('proof does not lead to the first root');
  if (!eq(sr, root2)) throw new ProofError('proof does not lead to the second root');
}
