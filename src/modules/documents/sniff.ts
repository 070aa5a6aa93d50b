import type { DocumentContentType } from './tables.ts';

/**
 * The type is read from the file's first bytes, not from what the client claims: a renamed executable is not a PDF.
 * Returns null for anything we do not accept.
 */
export function sniffDocumentType(head: Buffer): DocumentContentType | null {
  if (head.length >= 5 && head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}
