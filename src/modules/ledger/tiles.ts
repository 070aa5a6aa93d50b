import { HASH_SIZE, rootOfHashes, type NodeId } from './merkle.ts';

/**
 * C2SP tlog-tiles arithmetic, pure. A tile at level L holds up to 256 consecutive hashes of complete subtrees of
 * height 8·L; tile N at level L holds the nodes [256·N, 256·N + W) of that height. A partial tile (W < 256) is
 * served at `.p/<W>`. The index N is written in 3-digit groups, every group but the last prefixed with `x`
 * (1234067 → x001/x234/067). Entry bundles hold the entries of level-0 tile N, each prefixed with its length
 * as a big-endian uint16.
 */

export const TILE_WIDTH = 256;
export const TILE_HEIGHT = 8;

/** `x001/x234/067` for 1234067; `000` for 0. */
export function encodeTileIndex(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`bad tile index ${n}`);
  const groups: string[] = [];
  let rest = n;
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

export interface TileRef {
  /** Hash tile level, or 'entries' for an entry bundle. */
  level: number | 'entries';
  index: number;
  /** 256 for a full tile; 1–255 for a partial one. */
  width: number;
}

/** The path below the log's prefix: `tile/0/x001/234.p/7`, `tile/entries/000`. */
export function tilePath(t: TileRef): string {
  const head = t.level === 'entries' ? 'tile/entries' : `tile/${t.level}`;
  return `${head}/${encodeTileIndex(t.index)}${t.width < TILE_WIDTH ? `.p/${t.width}` : ''}`;
}

/**
 * Parses the part after `tile/` (`0/x001/234.p/7`, `entries/000`). Non-canonical spellings (leading `x` on the
 * last group, missing groups, width 0 or 256 as partial, levels above 63) are refused with null.
 */
export function parseTilePath(rest: string): TileRef | null {
  const m = /^(entries|[0-9]{1,2})\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([0-9]{1,3}))?$/.exec(rest);
  if (!m) return null;
  const level = m[1] === 'entries' ? 'entries' : Number(m[1]);
  if (level !== 'entries' && (String(level) !== m[1] || level > 63)) return null;
  const groups = m[2]!.split('/').map((g) => Number(g.replace(/^x/, '')));
  if (groups.length > 1 && groups[0] === 0) return null;
  let index = 0;
  for (const g of groups) index = index * 1000 + g;
  if (!Number.isSafeInteger(index)) return null;
  let width = TILE_WIDTH;
  if (m[3] !== undefined) {
    width = Number(m[3]);
    if (String(width) !== m[3] || width < 1 || width >= TILE_WIDTH) return null;
  }
  return { level, index, width };
}

/** How many hashes tile `index` at `level` holds in a tree of `size` (0 when it does not exist yet). */
export function tileWidthAt(level: number, index: number, size: number): number {
  const nodes = Math.floor(size / TILE_WIDTH ** level);
  return Math.max(0, Math.min(TILE_WIDTH, nodes - index * TILE_WIDTH));
}

/** The tiles of a tree of `size` that changed when it grew from `from` leaves (levels upward; entry bundles apart). */
export function tilesTouched(from: number, size: number): TileRef[] {
  const out: TileRef[] = [];
  for (let level = 0; TILE_WIDTH ** level <= size; level++) {
    const nodesBefore = Math.floor(from / TILE_WIDTH ** level);
    const nodesAfter = Math.floor(size / TILE_WIDTH ** level);
    if (nodesAfter === nodesBefore) continue;
    const first = Math.floor(nodesBefore / TILE_WIDTH);
    const last = Math.floor((nodesAfter - 1) / TILE_WIDTH);
    for (let index = first; index <= last; index++) out.push({ level, index, width: tileWidthAt(level, index, size) });
  }
  return out;
}

/** Where a complete subtree's hash is found: which tile, and which run of hashes in it to fold. */
export function locateNode(node: NodeId): { level: number; index: number; from: number; count: number } {
  const level = Math.floor(node.h / TILE_HEIGHT);
  const r = node.h - level * TILE_HEIGHT;
  const first = node.k * 2 ** r; // index of its leftmost node of height 8·level
  return { level, index: Math.floor(first / TILE_WIDTH), from: first % TILE_WIDTH, count: 2 ** r };
}

/** Hash of a complete subtree from the tile that holds it (`tile` is the tile's bytes, at least wide enough). */
export function nodeFromTile(node: NodeId, tile: Uint8Array): Buffer {
  const { from, count } = locateNode(node);
  if (tile.length < (from + count) * HASH_SIZE) throw new RangeError(`tile too narrow for node h=${node.h} k=${node.k}`);
  const hashes: Buffer[] = [];
  for (let i = from; i < from + count; i++) hashes.push(Buffer.from(tile.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE)));
  return rootOfHashes(hashes);
}

/** An entry bundle: each entry as a big-endian uint16 length and its bytes. */
export function encodeBundle(entries: readonly Uint8Array[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    if (e.length > 0xffff) throw new RangeError('entry longer than 65535 bytes');
    const len = Buffer.alloc(2);
    len.writeUInt16BE(e.length);
    parts.push(len, Buffer.from(e));
  }
  return Buffer.concat(parts);
}

/** Splits an entry bundle; throws on a truncated one. */
export function decodeBundle(bundle: Uint8Array): Buffer[] {
  const out: Buffer[] = [];
  const b = Buffer.from(bundle.buffer, bundle.byteOffset, bundle.length);
  let at = 0;
  while (at < b.length) {
    if (at + 2 > b.length) throw new RangeError('truncated entry bundle');
    const len = b.readUInt16BE(at);
    if (at + 2 + len > b.length) throw new RangeError('truncated entry bundle');
    out.push(b.subarray(at + 2, at + 2 + len));
    at += 2 + len;
  }
  return out;
}
