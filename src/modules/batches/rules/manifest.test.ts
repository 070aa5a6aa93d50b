import { describe, expect, it } from 'vitest';
import { checkManifestShape, compareManifest, describeProblem, type SealManifest } from './manifest.ts';

const h = (c: string) => c.repeat(64);
const arrived = [
  { recordKey: 'R1', version: 1, sha256: h('a') },
  { recordKey: 'R1', version: 2, sha256: h('b') },
  { recordKey: 'R2', version: 1, sha256: h('c') },
];
const images = [h('d'), h('e')];
const whole: SealManifest = { recordCount: 3, imageCount: 2, records: arrived.map((r) => ({ ...r })), images: images.map((sha256) => ({ sha256 })) };

describe('seal manifest shape', () => {
  it.each<[string, SealManifest, string | null, string | null]>([
    ['a consistent manifest', whole, null, null],
    ['a record count that disagrees with the list', { ...whole, recordCount: 4 }, 'SEAL_MANIFEST_COUNT_MISMATCH', 'body.recordCount'],
    ['an image count that disagrees with the list', { ...whole, imageCount: 1 }, 'SEAL_MANIFEST_COUNT_MISMATCH', 'body.imageCount'],
    ['a record version listed twice', { ...whole, recordCount: 4, records: [...whole.records, { recordKey: 'R2', version: 1, sha256: h('c') }] }, 'SEAL_MANIFEST_DUPLICATE', 'body.records.3'],
    ['an image listed twice', { ...whole, imageCount: 3, images: [...whole.images, { sha256: h('d') }] }, 'SEAL_MANIFEST_DUPLICATE', 'body.images.2'],
    ['an upper-case hash', { ...whole, records: [{ recordKey: 'R1', version: 1, sha256: 'A'.repeat(64) }, ...whole.records.slice(1)] }, 'SEAL_MANIFEST_HASH_INVALID', 'body.records.0.sha256'],
    ['a hash that is not hex', { ...whole, images: [{ sha256: 'z'.repeat(64) }, whole.images[1]!] }, 'SEAL_MANIFEST_HASH_INVALID', 'body.images.0.sha256'],
  ])('%s', (_l, m, code, field) => {
    const e = checkManifestShape(m);
    if (code === null) expect(e).toBeNull();
    else expect(e).toMatchObject({ code, field });
  });
});

describe('declared against arrived', () => {
  it('a whole manifest has no problems and nothing undeclared', () => {
    expect(compareManifest(whole, arrived, images)).toEqual({ problems: [], undeclaredRecords: [], undeclaredImages: [] });
  });

  it('lists every missing record version and image, and every hash that does not match, with its index', () => {
    const m: SealManifest = {
      recordCount: 4,
      imageCount: 3,
      records: [
        { recordKey: 'R1', version: 1, sha256: h('a') },
        { recordKey: 'R1', version: 3, sha256: h('f') },
        { recordKey: 'R2', version: 1, sha256: h('0') },
        { recordKey: 'R9', version: 1, sha256: h('1') },
      ],
      images: [{ sha256: h('d') }, { sha256: h('2') }, { sha256: h('e') }],
    };
    const c = compareManifest(m, arrived, images);
    expect(c.problems).toEqual([
      { kind: 'record_missing', recordKey: 'R1', version: 3, index: 1 },
      { kind: 'record_mismatch', recordKey: 'R2', version: 1, declared: h('0'), arrived: h('c'), index: 2 },
      { kind: 'record_missing', recordKey: 'R9', version: 1, index: 3 },
      { kind: 'image_missing', sha256: h('2'), index: 1 },
    ]);
    // R1 v2 arrived and was not declared: kept, and flagged by the caller.
    expect(c.undeclaredRecords).toEqual([{ recordKey: 'R1', version: 2, sha256: h('b') }]);
    expect(c.undeclaredImages).toEqual([]);
    expect(c.problems.map(describeProblem)).toEqual([
      '原始记录 R1 第 3 版未收到',
      '原始记录 R2 第 1 版内容摘要不符',
      '原始记录 R9 第 1 版未收到',
      `影像 ${'2'.repeat(12)}… 未收到`,
    ]);
  });

  it('an empty manifest over arrived items reports them as undeclared, not as problems', () => {
    const c = compareManifest({ recordCount: 0, imageCount: 0, records: [], images: [] }, arrived, images);
    expect(c.problems).toEqual([]);
    expect(c.undeclaredRecords).toHaveLength(3);
    expect(c.undeclaredImages).toEqual(images);
  });
});
