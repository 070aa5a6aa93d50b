import { isJpeg, parseJpeg, type JpegStructure } from './jpeg.ts';
import {
  metadataFindings,
  resaveFinding,
  screenshotFinding,
  structureFindings,
  tablesEvidence,
  thumbnailFinding,
  type ExifFacts,
  type ForensicFinding,
  type PictureFacts,
  type TablesEvidence,
} from './rules.ts';
import { signatureDifference, thumbnailSignature, type SignatureDifference } from './thumbnail.ts';

/**
 * Image forensics (issue 12 item 1): per-file checks of a process image, run by the image worker on what it already
 * reads — the file's bytes (marker structure, quantization tables, the EXIF thumbnail), exifr's one parse, and the
 * one shrink-on-load decode (its small grey signature, and whether the decode completed cleanly).
 * docs/decisions.md "Image forensics" says what is flagged and why.
 */

export { EXIFR_OPTIONS, exifFacts, flattenExif, exifDateTime, gpsInstant, type ExifFacts, type ForensicFinding, type ForensicKind, type PictureFacts } from './rules.ts';
export { greySignature } from './thumbnail.ts';
// A small EXIF writer: the tests' camera pictures and the agency-system simulator write phone-like EXIF with it.
export { exifApp1, GENUINE_EXIF, withApp1 } from './testing.ts';
export { parseJpeg, isJpeg, type JpegStructure, type QuantTable } from './jpeg.ts';
export { matchEncoderTables, scaleTable, ENCODER_FAMILIES, type EncoderFamily } from './quant-tables.ts';

export interface ForensicInput {
  picture: PictureFacts;
  exif: ExifFacts;
  /** The whole file for a JPEG (structure, tables and thumbnail are read from it); null for other formats. */
  jpegBytes: Buffer | null;
  /** The picture's grey signature from the worker's decode (`greySignature` of its small copy); null if it did not decode. */
  signature: Uint8Array | null;
  /** The decoder's complaint when the strict decode failed and a lenient one succeeded (corrupt or short data). */
  decodeWarning: string | null;
}

export interface ForensicEvidence {
  jpeg: { scans: number; progressive: boolean | null; trailingBytes: number; truncated: boolean; quantization: TablesEvidence } | null;
  thumbnailDifference: SignatureDifference | null;
  /** CPU time (user + system, µs) of each check on this image. */
  cpuMicros: Record<string, number>;
}

export interface ForensicResult {
  findings: ForensicFinding[];
  evidence: ForensicEvidence;
}

/** Runs every check; each check's CPU time is measured with process.cpuUsage. */
export async function forensicChecks(input: ForensicInput): Promise<ForensicResult> {
  const cpu: Record<string, number> = {};
  const timed = <T>(name: string, f: () => T): T => {
    const start = process.cpuUsage();
    try {
      return f();
    } finally {
      const d = process.cpuUsage(start);
      cpu[name] = (cpu[name] ?? 0) + d.user + d.system;
    }
  };
  const findings: ForensicFinding[] = [];
  let structure: JpegStructure | null = null;
  let tables: TablesEvidence | null = null;
  const bytes = input.jpegBytes && isJpeg(input.jpegBytes) ? input.jpegBytes : null;
  if (bytes) {
    structure = timed('structure', () => parseJpeg(bytes));
    const s = structure;
    findings.push(...timed('structure', () => structureFindings(s, bytes, input.decodeWarning)));
    tables = timed('quantization', () => tablesEvidence(s));
    const t = tables;
    const resaved = timed('quantization', () => resaveFinding(t, input.exif));
    if (resaved) findings.push(resaved);
  }
  findings.push(...timed('metadata', () => metadataFindings(input.exif)));
  let thumbnailDifference: SignatureDifference | null = null;
  const th = input.exif.thumbnail;
  // A damaged picture differs from its thumbnail because of the damage, already flagged: no second finding for it.
  const damaged = !structure || structure.truncated || structure.malformedAt !== null || input.decodeWarning !== null;
  if (bytes && structure?.exif && th && input.signature && !damaged) {
    const start = process.cpuUsage();
    const from = structure.exif.tiffOffset + th.offset;
    if (th.offset + th.length <= structure.exif.length) {
      const sig = await thumbnailSignature(bytes.subarray(from, from + th.length), input.exif.orientation, input.picture.width / input.picture.height);
      if (sig) thumbnailDifference = signatureDifference(sig, input.signature);
    }
    const d = process.cpuUsage(start);
    cpu.thumbnail = d.user + d.system;
    const f = thumbnailFinding(thumbnailDifference);
    if (f) findings.push(f);
  }
  const screenshot = timed('screenshot', () => screenshotFinding(input.picture, input.exif));
  if (screenshot) findings.push(screenshot);
  return {
    findings,
    evidence: {
      jpeg: structure
        ? { scans: structure.scans, progressive: structure.frame?.progressive ?? null, trailingBytes: structure.trailingBytes, truncated: structure.truncated, quantization: tables! }
        : null,
      thumbnailDifference,
      cpuMicros: cpu,
    },
  };
}
