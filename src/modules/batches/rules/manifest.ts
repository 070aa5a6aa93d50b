/**
 * The seal (封存): the upload owner (专人负责) declares the batch whole with a manifest of every record version and
 * every image they consider part of it, by content hash. The platform checks every declared item arrived and
 * matches; what arrived but was not declared is real data and stays, flagged (`undeclared_at_seal`).
 */
export interface DeclaredRecord {
  recordKey: string;
  version: number;
  sha256: string;
}

export interface SealManifest {
  recordCount: number;
  imageCount: number;
  records: DeclaredRecord[];
  images: { sha256: string }[];
}

export interface ArrivedRecord {
  recordKey: string;
  version: number;
  sha256: string;
}

export type ManifestProblem =
  | { kind: 'record_missing'; recordKey: string; version: number; index: number }
  | { kind: 'record_mismatch'; recordKey: string; version: number; declared: string; arrived: string; index: number }
  | { kind: 'image_missing'; sha256: string; index: number };

export interface ManifestComparison {
  problems: ManifestProblem[];
  undeclaredRecords: ArrivedRecord[];
  undeclaredImages: string[];
}

export type ManifestShapeError = { code: string; message: string; field: string };

const HEX64 = /^[0-9a-f]{64}$/;

/** Internal consistency of a manifest, before anything is compared: counts agree, nothing twice, hashes are hex. */
export function checkManifestShape(m: SealManifest): ManifestShapeError | null {
  if (m.recordCount !== m.records.length) {
    return { code: 'SEAL_MANIFEST_COUNT_MISMATCH', message: `封存清单的原始记录数 ${m.recordCount} 与所列 ${m.records.length} 条不一致`, field: 'body.recordCount' };
  }
  if (m.imageCount !== m.images.length) {
    return { code: 'SEAL_MANIFEST_COUNT_MISMATCH', message: `封存清单的影像数 ${m.imageCount} 与所列 ${m.images.length} 张不一致`, field: 'body.imageCount' };
  }
  const seen = new Set<string>();
  for (const [i, r] of m.records.entries()) {
    if (!HEX64.test(r.sha256)) return { code: 'SEAL_MANIFEST_HASH_INVALID', message: '内容摘要应为 64 位小写十六进制 SHA-256', field: `body.records.${i}.sha256` };
    const k = `${r.recordKey}\u0000${r.version}`;
    if (seen.has(k)) return { code: 'SEAL_MANIFEST_DUPLICATE', message: `原始记录 ${r.recordKey} 第 ${r.version} 版重复列出`, field: `body.records.${i}` };
    seen.add(k);
  }
  const images = new Set<string>();
  for (const [i, img] of m.images.entries()) {
    if (!HEX64.test(img.sha256)) return { code: 'SEAL_MANIFEST_HASH_INVALID', message: '内容摘要应为 64 位小写十六进制 SHA-256', field: `body.images.${i}.sha256` };
    if (images.has(img.sha256)) return { code: 'SEAL_MANIFEST_DUPLICATE', message: '同一影像重复列出', field: `body.images.${i}` };
    images.add(img.sha256);
  }
  return null;
}

/** Declared against arrived. The manifest's shape must already have been checked. */
export function compareManifest(m: SealManifest, arrivedRecords: readonly ArrivedRecord[], arrivedImages: readonly string[]): ManifestComparison {
  const byKey = new Map(arrivedRecords.map((r) => [`${r.recordKey}\u0000${r.version}`, r]));
  const problems: ManifestProblem[] = [];
  const declared = new Set<string>();
  m.records.forEach((d, index) => {
    const k = `${d.recordKey}\u0000${d.version}`;
    declared.add(k);
    const a = byKey.get(k);
    if (!a) problems.push({ kind: 'record_missing', recordKey: d.recordKey, version: d.version, index });
    else if (a.sha256 !== d.sha256) problems.push({ kind: 'record_mismatch', recordKey: d.recordKey, version: d.version, declared: d.sha256, arrived: a.sha256, index });
  });
  const imagesArrived = new Set(arrivedImages);
  m.images.forEach((d, index) => {
    if (!imagesArrived.has(d.sha256)) problems.push({ kind: 'image_missing', sha256: d.sha256, index });
  });
  const declaredImages = new Set(m.images.map((i) => i.sha256));
  return {
    problems,
    undeclaredRecords: arrivedRecords.filter((r) => !declared.has(`${r.recordKey}\u0000${r.version}`)),
    undeclaredImages: [...imagesArrived].filter((h) => !declaredImages.has(h)),
  };
}

/** One line per problem, in Chinese, for the refusal's message. */
export function describeProblem(p: ManifestProblem): string {
  switch (p.kind) {
    case 'record_missing':
      return `原始记录 ${p.recordKey} 第 ${p.version} 版未收到`;
    case 'record_mismatch':
      return `原始记录 ${p.recordKey} 第 ${p.version} 版内容摘要不符`;
    case 'image_missing':
      return `影像 ${p.sha256.slice(0, 12)}… 未收到`;
  }
}
