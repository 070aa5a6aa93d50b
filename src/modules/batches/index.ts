/**
 * Front door of the batches module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
export type { BatchRow } from './tables.ts';
export { deadlineView, type DeadlineView } from './rules/deadline-view.ts';
export { BATCH_STATUS_LABELS, captureOutsideWindow, capturedInFuture, formatBatchNumber, transition, type BatchStatus } from './rules/lifecycle.ts';
export { compareManifest, type SealManifest } from './rules/manifest.ts';
export { deadlineState, forceMajeureFilingAllowed, possiblyMissing, sealedOnTime, shouldLock, type BatchTiming, type DeadlineBasis, type DeadlineState, type ForceMajeureFiling, type ForceMajeureStatus } from './rules/upload-deadline.ts';
export { deadlineSchedule, type DeadlineSchedule } from './rules/schedule.ts';
export { currentFilings, lateSourceRef, LOCK_COLUMNS, lockBatches, mustLockNow, refreshDeadline, scheduleColumns, timingOf, type FilingTiming, type LockCandidate, type TimingRow } from './deadline-lock.ts';
export { ANOMALY_KINDS, recordAnomaly, type AnomalyKind } from './anomalies.ts';
export { countImagesForRecord, imageHashesOfBatch, lastImageCaptureAt, witnessCheckinCount } from './evidence.ts';
export { ANOMALY_KIND_LABELS, assertAgencyOperator, batchTiming, batchVisibleTo, findVisibleBatch, getBatchForUpload, getBatchWithSiteForUpload, isSupplementary, manualEntryExceptionFor, markUploading, recordSealFindings, takeBatchNumber, uploadPrecheck, writeBatchEvent, type Anomaly, type AnomalyBatch, type BatchForUpload } from './service.ts';
export { batchRoutes } from './routes.ts';
