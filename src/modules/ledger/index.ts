/**
 * The ledger's front door (issue 13): other modules write receipts through `appendReceipt` (one INSERT in their own
 * transaction) or, inside a one-statement write, through `receiptValues` as a CTE; the server starts the sequencer.
 */
export { appendReceipt, contentHash, receipts, receiptValues, RECEIPT_TYPES, type LedgerReceipt, type ReceiptInput, type ReceiptType } from './receipts.ts';
export { ledgerApiRoutes, ledgerTileRoutes } from './routes.ts';
export { LedgerService, startLedgerSequencer, type LedgerSequencer } from './service.ts';
export { AlarmingBlobStore, raiseIntegrityAlarm, scrubBlobs, startBlobScrub, checkBlob, unwrapBlobs } from './integrity.ts';
export { auditLedger, type AuditResult, type Divergence, type RecordHasher } from './audit.ts';
// Verification primitives for the witness and verifier commands (and any outside tool).
export { verifyConsistency, verifyInclusion, leafHash, ProofError } from './merkle.ts';
export { cosign, makeSigner, parseCheckpointText, parseNote, parseVkey, SIG_COSIGNATURE_V1, verifyCosignature, verifyNoteSignature, NoteError } from './note.ts';
