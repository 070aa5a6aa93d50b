import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../kernel/crypto/canonical-json.ts';

/**
 * What a device signs, and what a seal declares, for one raw record (docs/integration-api.md §4).
 *
 * Signature (source `auto`): Ed25519 over the UTF-8 bytes of the RFC 8785 canonical JSON of
 *   { batchId, recordKey, itemCode, componentId, values, capturedAt, equipmentId }
 * with every string exactly as sent in the upload (componentId and capturedAt are not normalised first), so a device
 * signs what it sends and the platform verifies what it received.
 *
 * Content hash (the seal manifest): SHA-256, lower-case hex, of the RFC 8785 canonical JSON of
 *   { batchId, recordKey, version, itemCode, componentId, values, capturedAt, source, equipmentId, testerPersonId }
 * with componentId in canonical form (upper case, no blanks: `QC7K3M9P2XQ48`) and capturedAt as UTC with
 * milliseconds (`2026-07-15T02:05:00.000Z`). The platform returns it with every accepted record.
 */
export interface SignedFields {
  recordKey: string;
  itemCode: string;
  componentId: string;
  values: Record<string, unknown>;
  capturedAt: string;
  equipmentId: string;
}

export function signingPayload(batchId: string, r: SignedFields): string {
  return canonicalJson({
    batchId,
    recordKey: r.recordKey,
    itemCode: r.itemCode,
    componentId: r.componentId,
    values: r.values,
    capturedAt: r.capturedAt,
    equipmentId: r.equipmentId,
  });
}

export interface RecordContent {
  batchId: string;
  recordKey: string;
  version: number;
  itemCode: string;
  /** Canonical component ID. */
  componentId: string;
  values: Record<string, unknown>;
  capturedAt: Date;
  source: 'auto' | 'manual';
  equipmentId: string;
  testerPersonId: string;
}

export function recordContentSha256(r: RecordContent): string {
  const doc = canonicalJson({
    batchId: r.batchId,
    recordKey: r.recordKey,
    version: r.version,
    itemCode: r.itemCode,
    componentId: r.componentId,
    values: r.values,
    capturedAt: r.capturedAt.toISOString(),
    source: r.source,
    equipmentId: r.equipmentId,
    testerPersonId: r.testerPersonId,
  });
  return createHash('sha256').update(doc, 'utf8').digest('hex');
}

/** RFC 3339 with a zone (Z or ±hh:mm): a capture time without one cannot be placed in time. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

export function parseInstant(text: string): Date | null {
  if (!RFC3339.test(text)) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}
