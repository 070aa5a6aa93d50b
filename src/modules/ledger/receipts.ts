import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Actor, RequestContext } from '../../kernel/auth/actor.ts';
import { canonicalJson } from '../../kernel/crypto/canonical-json.ts';
import type { Database } from '../../kernel/db/types.ts';
import './tables.ts';

/**
 * A receipt is the ledger's leaf: a small RFC 8785 (JCS) JSON document, UTF-8, naming the object (type and id), the
 * SHA-256 of its content (the blob's bytes for images, reports' PDFs and documents; the JCS form of the object's
 * content otherwise), who caused it and when the platform received it. Its bytes are exactly what the entry bundle
 * serves and what the leaf hash covers, so anyone can recompute both.
 *
 * Actors are named by kind and id (a person's name is not written into a public, permanent log; the report prints
 * names where the notice wants them).
 */
export const RECEIPT_TYPES = [
  'record_version',
  'image',
  'witness_checkin',
  'witness_attestation',
  'seal',
  'review',
  'report',
  'report_supersession',
  'report_revocation',
  'lock',
  'unlock',
  'force_majeure_decision',
  'anomaly_decision',
  'enforcement_decision',
  'random_draw',
] as const;
export type ReceiptType = (typeof RECEIPT_TYPES)[number];

export const RECEIPT_VERSION = 1;

export interface ReceiptInput {
  type: ReceiptType;
  id: string;
  /** Lower-case hex SHA-256 of the object's content (see above). */
  sha256: string;
  /** A few identifiers that help a reader find the object (batch, report number); never personal data. */
  refs?: Record<string, string | number | boolean | null>;
}

export interface LedgerReceipt {
  /** The ledger entry (outbox) id: `GET /ledger/entries/<id>` gives its leaf index and inclusion proof once sequenced. */
  ledgerEntryId: number;
}

function actorOf(actor: Actor): Record<string, string> {
  switch (actor.kind) {
    case 'user':
    case 'machine':
      return { kind: actor.kind, id: actor.id };
    case 'system':
      return { kind: 'system', name: actor.name };
    default:
      return { kind: 'anonymous' };
  }
}

/** The leaf's bytes as text (JCS). */
export function receiptEntry(input: ReceiptInput, ctx: Pick<RequestContext, 'actor' | 'now'>): string {
  if (!/^[0-9a-f]{64}$/.test(input.sha256)) throw new TypeError(`receipt ${input.type} ${input.id}: not a sha256`);
  return canonicalJson({
    v: RECEIPT_VERSION,
    type: input.type,
    id: input.id,
    sha256: input.sha256,
    actor: actorOf(ctx.actor),
    receivedAt: ctx.now.toISOString(),
    ...(input.refs ? { refs: input.refs } : {}),
  });
}

/** SHA-256 (hex) of a value's RFC 8785 form: the content hash of an object that has no blob. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

/**
 * Writes a receipt into the outbox: one INSERT, in the caller's transaction, so the receipt exists exactly when the
 * object does. The sequencer gives it its leaf index later, in order.
 */
export function receiptValues(ctx: Pick<RequestContext, 'actor' | 'now'>, input: ReceiptInput) {
  return { object_type: input.type, object_id: input.id, content_sha256: input.sha256, entry: receiptEntry(input, ctx) };
}

export async function appendReceipt(
  db: Kysely<Database> | Transaction<Database>,
  ctx: Pick<RequestContext, 'actor' | 'now'>,
  input: ReceiptInput,
): Promise<LedgerReceipt> {
  const row = await db
    .insertInto('ledger_entries')
    .values(receiptValues(ctx, input))
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ledgerEntryId: row.id };
}

/**
 * The receipts of the evidence, one builder per kind, used by the services and the demo seed alike so that a receipt
 * has one shape whoever writes the object.
 */
export const receipts = {
  recordVersion: (r: { id: string; batchId: string; recordKey: string; version: number; contentSha256: string }): ReceiptInput => ({
    type: 'record_version',
    id: r.id,
    sha256: r.contentSha256,
    refs: { batchId: r.batchId, recordKey: r.recordKey, version: r.version },
  }),
  attestation: (a: { id: string; batchId: string; witnessPersonId: string; statement: string; attestedAt: Date; registered: boolean }): ReceiptInput => ({
    type: 'witness_attestation',
    id: a.id,
    sha256: contentHash({ batchId: a.batchId, witnessPersonId: a.witnessPersonId, statement: a.statement, attestedAt: a.attestedAt.toISOString(), registered: a.registered }),
    refs: { batchId: a.batchId },
  }),
  seal: (s: { id: string; batchId: string; seq: number; manifestSha256: string }): ReceiptInput => ({
    type: 'seal',
    id: s.id,
    sha256: s.manifestSha256,
    refs: { batchId: s.batchId, seq: s.seq },
  }),
  review: (r: { id: string; batchId: string; sealId: string; decision: string; reasons: string | null; reviewerPersonId: string; reviewedAt: Date }): ReceiptInput => ({
    type: 'review',
    id: r.id,
    sha256: contentHash({ batchId: r.batchId, sealId: r.sealId, decision: r.decision, reasons: r.reasons, reviewerPersonId: r.reviewerPersonId, reviewedAt: r.reviewedAt.toISOString() }),
    refs: { batchId: r.batchId, sealId: r.sealId, decision: r.decision },
  }),
};
