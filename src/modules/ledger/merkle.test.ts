import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  ProofError,
  rangeNodes,
  rootOfHashes,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
  type NodeId,
} from './merkle.ts';
import { decodeBundle, encodeBundle, encodeTileIndex, nodeFromTile, parseTilePath, tilePath, tilesTouched, tileWidthAt, locateNode } from './tiles.ts';

/** The transparency-dev/merkle test vectors (testdata/LICENSE), one entry per published file. */
interface InclusionCase { leafIdx: number; treeSize: number; root: string; leafHash: string; proof: string[] | null; desc: string; wantErr: boolean }
interface ConsistencyCase { size1: number; size2: number; root1: string; root2: string; proof: string[] | null; desc: string; wantErr: boolean }
const vectors = JSON.parse(readFileSync(new URL('./testdata/transparency-dev-vectors.json', import.meta.url), 'utf8')) as {
  inclusion: Record<string, InclusionCase>;
  consistency: Record<string, ConsistencyCase>;
};
const b64 = (s: string) => Buffer.from(s, 'base64');

/** RFC 6962's reference leaves (the tree the vectors' happy paths are proofs in). */
const REFERENCE_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
const referenceHashes = REFERENCE_LEAVES.map(leafHash);
/** Node reader over leaf hashes in memory (the tile store's answer, computed directly). */
const memReader = (hashes: Buffer[]) => (n: NodeId) => rootOfHashes(hashes, n.k * 2 ** n.h, (n.k + 1) * 2 ** n.h);

describe('RFC 6962 inclusion proofs: published vectors', () => {
  const cases = Object.entries(vectors.inclusion);
  it('has the published cases', () => expect(cases.length).toBe(98));
  it.each(cases)('%s', (_name, c) => {
    const check = () => verifyInclusion(c.leafIdx, c.treeSize, b64(c.leafHash), (c.proof ?? []).map(b64), b64(c.root));
    if (c.wantErr) expect(check).toThrow(ProofError);
    else expect(check).not.toThrow();
  });
  it.each(cases.filter(([n]) => n.endsWith('happy-path.json')))('generates the published proof: %s', (_n, c) => {
    const read = memReader(referenceHashes.slice(0, c.treeSize));
    expect(treeRoot(c.treeSize, read).toString('base64')).toBe(c.root);
    expect(referenceHashes[c.leafIdx]!.toString('base64')).toBe(c.leafHash);
    expect(inclusionProof(c.leafIdx, c.treeSize, read).map((p) => p.toString('base64'))).toEqual(c.proof ?? []);
  });
});

describe('RFC 6962 consistency proofs: published vectors', () => {
  const cases = Object.entries(vectors.consistency);
  it('has the published cases', () => expect(cases.length).toBe(98));
  it.each(cases)('%s', (_name, c) => {
    const check = () => verifyConsistency(c.size1, c.size2, b64(c.root1), b64(c.root2), (c.proof ?? []).map(b64));
    if (c.wantErr) expect(check).toThrow(ProofError);
    else expect(check).not.toThrow();
  });
  it.each(cases.filter(([n]) => n.endsWith('happy-path.json')))('generates the published proof: %s', (_n, c) => {
    const read = memReader(referenceHashes.slice(0, c.size2));
    expect(treeRoot(c.size1, read).toString('base64')).toBe(c.root1);
    expect(treeRoot(c.size2, read).toString('base64')).toBe(c.root2);
    expect(consistencyProof(c.size1, c.size2, read).map((p) => p.toString('base64'))).toEqual(c.proof ?? []);
  });
});

describe('proofs generated for every size up to 40 verify, and fail when one bit changes', () => {
  const hashes = Array.from({ length: 40 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
  const read = memReader(hashes);
  it('inclusion and consistency', () => {
    expect(treeRoot(0, read)).toEqual(EMPTY_ROOT);
    for (let n = 1; n <= 40; n++) {
      const root = rootOfHashes(hashes.slice(0, n));
      expect(treeRoot(n, read)).toEqual(root);
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(m, n, read);
        expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        verifyInclusion(m, n, hashes[m]!, proof, root);
        if (proof.length > 0) {
          const bad = proof.map((p) => Buffer.from(p));
          bad[0]![0]! ^= 1;
          expect(() => verifyInclusion(m, n, hashes[m]!, bad, root)).toThrow(ProofError);
        }
      }
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(m, n, read);
        verifyConsistency(m, n, rootOfHashes(hashes.slice(0, m)), root, proof);
        if (m < n) expect(() => verifyConsistency(m, n, rootOfHashes(hashes.slice(0, m - 1)), root, proof)).toThrow(ProofError);
      }
    }
  });
  it('a range is a right fold of aligned complete subtrees', () => {
    expect(rangeNodes([0, 7])).toEqual([{ h: 2, k: 0 }, { h: 1, k: 2 }, { h: 0, k: 6 }]);
    expect(rangeNodes([8, 12])).toEqual([{ h: 2, k: 2 }]);
  });
});

describe('C2SP tlog-tiles paths', () => {
  it.each([
    [0, '000'],
    [7, '007'],
    [999, '999'],
    [1000, 'x001/000'],
    [1234067, 'x001/x234/067'],
  ])('index %i is %s', (n, s) => expect(encodeTileIndex(n)).toBe(s));
  it('full and partial tiles and entry bundles', () => {
    expect(tilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(tilePath({ level: 2, index: 5, width: 7 })).toBe('tile/2/005.p/7');
    expect(tilePath({ level: 'entries', index: 1000, width: 1 })).toBe('tile/entries/x001/000.p/1');
  });
  it.each([
    ['0/x001/x234/067', { level: 0, index: 1234067, width: 256 }],
    ['3/005.p/255', { level: 3, index: 5, width: 255 }],
    ['entries/000.p/1', { level: 'entries', index: 0, width: 1 }],
  ])('parses %s', (p, want) => expect(parseTilePath(p)).toEqual(want));
  it.each(['0/1', '0/0001', '0/x000/001', '0/001/x002', '0/001.p/0', '0/001.p/256', '0/001.p/07', '00/001', '64/000', 'foo/000', '0/x1/000', '0/000.p/'])(
    'refuses %s',
    (p) => expect(parseTilePath(p)).toBeNull(),
  );
  it('tile widths and the tiles a growth touches', () => {
    expect(tileWidthAt(0, 0, 100)).toBe(100);
    expect(tileWidthAt(0, 1, 600)).toBe(256);
    expect(tileWidthAt(0, 2, 600)).toBe(88);
    expect(tileWidthAt(1, 0, 600)).toBe(2);
    expect(tileWidthAt(1, 1, 600)).toBe(0);
    expect(tilesTouched(250, 600)).toEqual([
      { level: 0, index: 0, width: 256 },
      { level: 0, index: 1, width: 256 },
      { level: 0, index: 2, width: 88 },
      { level: 1, index: 0, width: 2 },
    ]);
    expect(tilesTouched(600, 600)).toEqual([]);
  });
  it('a node is read from its tile', () => {
    const hashes = Array.from({ length: 256 }, (_, i) => leafHash(Buffer.from([i])));
    const tile = Buffer.concat(hashes);
    expect(locateNode({ h: 3, k: 5 })).toEqual({ level: 0, index: 0, from: 40, count: 8 });
    expect(locateNode({ h: 9, k: 1 })).toEqual({ level: 1, index: 0, from: 2, count: 2 });
    expect(nodeFromTile({ h: 3, k: 5 }, tile)).toEqual(rootOfHashes(hashes, 40, 48));
    expect(() => nodeFromTile({ h: 3, k: 5 }, tile.subarray(0, 47 * 32))).toThrow(RangeError);
  });
  it('entry bundles round-trip and refuse truncation', () => {
    const entries = [Buffer.from('a'), Buffer.alloc(0), Buffer.from('{"x":1}')];
    const b = encodeBundle(entries);
    expect(decodeBundle(b)).toEqual(entries);
    expect(() => decodeBundle(b.subarray(0, b.length - 1))).toThrow(RangeError);
  });
});
